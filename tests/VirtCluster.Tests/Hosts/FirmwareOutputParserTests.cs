using VirtCluster.Config;
using VirtCluster.Hosts;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Hosts;

public sealed class FirmwareOutputParserTests
{
    private static readonly FirmwareVersion Updated = FirmwareVersion.Parse("2.7.80");

    [Fact]
    public void AllThreeToolsReportTheSameVersionDespiteZeroPadding()
    {
        var sysfs = FirmwareOutputParser.ParseSysfs(HostSamples.Read(HostSamples.Updated, "fw_ver"));
        var ibv = FirmwareOutputParser.ParseIbvDevinfo(HostSamples.Read(HostSamples.Updated, "ibv_devinfo.txt"));
        var mst = FirmwareOutputParser.ParseMstflintQuery(HostSamples.Read(HostSamples.Updated, "mstflint-query.txt"), "0000:05:00.0");

        Assert.Equal(new FirmwareReading("sysfs", "mlx4_0", Updated), Assert.Single(sysfs));
        Assert.Equal(new FirmwareReading("ibv_devinfo", "mlx4_0", Updated), Assert.Single(ibv));
        Assert.Equal(new FirmwareReading("mstflint", "0000:05:00.0", Updated), Assert.Single(mst));
    }

    [Fact]
    public void OldFirmwareReadsAsTwoSixZero()
    {
        var mst = FirmwareOutputParser.ParseMstflintQuery(HostSamples.Read(HostSamples.OldFirmware, "mstflint-query.txt"), "0000:05:00.0");

        Assert.Equal("2.6.0", Assert.Single(mst).Version.ToString());
        Assert.True(mst[0].Version < Updated);
    }

    [Fact]
    public void SoftRoceDeviceWithoutFirmwareIsSkipped()
    {
        const string output = "hca_id:\trxe0\n\ttransport:\t\t\tInfiniBand (0)\n\tfw_ver:\t\t\t\t0.0.0\n\tvendor_id:\t\t\t0xffffff\n\n"
            + "hca_id:\tmlx5_0\n\ttransport:\t\t\tInfiniBand (0)\n\tfw_ver:\t\t\t\t16.35.2000\n";

        var reading = Assert.Single(FirmwareOutputParser.ParseIbvDevinfo(output));

        Assert.Equal("mlx5_0", reading.Device);
        Assert.True(reading.Version > FirmwareVersion.Parse("2.10.720"));
    }

    [Fact]
    public void BareFwVerFileIsAccepted()
    {
        Assert.Equal("2.9.1000", Assert.Single(FirmwareOutputParser.ParseSysfs("2.9.1000\n")).Version.ToString());
    }

    [Fact]
    public void MultipleSysfsDevicesAreNamed()
    {
        var readings = FirmwareOutputParser.ParseSysfs("/sys/class/infiniband/mlx4_0/fw_ver:2.10.720\n/sys/class/infiniband/rxe0/fw_ver:0.0.0\n");

        var reading = Assert.Single(readings);
        Assert.Equal("mlx4_0", reading.Device);
        Assert.True(reading.Version > FirmwareVersion.Parse("2.9.1000"));
    }
}
