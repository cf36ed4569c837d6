using VirtCluster.Config;
using VirtCluster.Hosts;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Support;

/// <summary>Host facts built from the recorded AGC hosts in sim/facts, through the production parsers.</summary>
internal static class HostSamples
{
    public const string Updated = "agc-fw-2.7.80";
    public const string OldFirmware = "agc-fw-2.6.00";
    public const string IommuOff = "agc-iommu-off";

    public static readonly HcaSpec ConnectX = new(0x15b3, 0x673c);
    public static readonly PciAddress HcaAddress = PciAddress.Parse("0000:05:00.0");

    public static string Folder(string recording) => Path.Combine(TestPaths.RepoRoot, "sim", "facts", recording);

    public static string Read(string recording, string file) => File.ReadAllText(Path.Combine(Folder(recording), file));

    public static async Task<HostFacts> RecordedAsync(string hostName, string recording = Updated)
    {
        var probe = await new RecordedHostProbe(Folder(recording)).RunAsync(HcaAddress, CancellationToken.None);
        return HostFactsBuilder.Build(hostName, LibvirtDocuments.FromRecording(Folder(recording)), probe, ConnectX);
    }

    /// <summary>A host without vmx/svm and without kvm: like this machine, where guests must run under TCG.</summary>
    public static HostFacts WithoutHardwareVirtualisation(HostFacts facts) =>
        facts with
        {
            HardwareVirtualisationFlag = null,
            KvmDomainType = false,
            Capabilities = facts.Capabilities with { GuestDomainTypes = new HashSet<string> { "qemu" } },
        };

    /// <summary>One cell with <paramref name="cpus"/> CPUs (this 2-core machine in lab mode).</summary>
    public static HostFacts SmallHost(string hostName, int cpus, long memoryBytes) =>
        new(
            hostName,
            new HostCapabilities(
                "x86_64", 1, cpus, 1,
                [new NumaCell(0, [.. Enumerable.Range(0, cpus).Select(i => new HostCpu(i, 0, i))], memoryBytes, new Dictionary<long, long> { [4] = memoryBytes / 4096 })],
                new HashSet<string> { "qemu", "kvm" }),
            null,
            true,
            false,
            null,
            new IommuState(null, 0, []),
            false,
            []);

    /// <summary>Free hugepages per host cell id, replacing what the recording says.</summary>
    public static HostFacts WithFreeHugePages(HostFacts facts, long pageKiB, params long[] freePerCell) =>
        facts with
        {
            Capabilities = facts.Capabilities with
            {
                Cells = [.. facts.Cells.Select((c, i) => c with
                {
                    FreePagesBySizeKiB = new Dictionary<long, long>(c.FreePagesBySizeKiB) { [pageKiB] = freePerCell[i] },
                })],
            },
        };
}
