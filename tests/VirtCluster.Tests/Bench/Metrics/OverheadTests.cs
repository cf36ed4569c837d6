using VirtCluster.Bench.Metrics;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Suites;

namespace VirtCluster.Tests.Bench.Metrics;

public sealed class OverheadTests
{
    [Fact]
    public void PaperTable3OverheadOfKvmOnSpMzIsTwentyPointSevenPercent() =>
        Assert.Equal(20.7, Math.Round(Overhead.Percent(104.36, 86.45), 1));

    [Fact]
    public void TableHasARowPerBenchmarkAndNonBaselineEnvironment()
    {
        var samples = new[]
        {
            PaperNumbers.Time("SP-MZ", "BMM", 86.45), PaperNumbers.Time("SP-MZ", "Xen", 100.12),
            PaperNumbers.Time("SP-MZ", "KVM", 104.36), PaperNumbers.Time("SP-MZ", "EC2", 88.00),
            PaperNumbers.Time("BT-MZ", "BMM", 132.06), PaperNumbers.Time("BT-MZ", "KVM", 144.92),
            PaperNumbers.Time("BT-MZ", "KVM", 20.0, ranks: 64, nodes: 16),
        };

        var rows = Overhead.Build(samples, "BMM");

        Assert.Equal(
            [("SP-MZ", "Xen", 15.8), ("SP-MZ", "KVM", 20.7), ("SP-MZ", "EC2", 1.8), ("BT-MZ", "KVM", 9.7)],
            rows.Select(r => (r.Benchmark, r.Environment, Math.Round(r.OverheadPercent, 1))));
        Assert.All(rows, r => Assert.Equal(r.Benchmark == "SP-MZ" ? 86.45 : 132.06, r.Baseline));
    }

    [Fact]
    public void TimesInDifferentUnitsAreNeverSetAgainstEachOther()
    {
        var minutes = new[] { PaperNumbers.Time("Bloss", "BMM", 21.00), PaperNumbers.Time("Bloss", "Xen", 22.38) }
            .Select(s => s with { Unit = Units.Minutes });
        var samples = minutes.Append(PaperNumbers.Time("Bloss", "KVM", 1378.8)).ToList();

        var row = Assert.Single(Overhead.Build(samples, "BMM"));

        Assert.Equal(("Xen", 22.38, 21.00, "min", 6.6), (row.Environment, row.Value, row.Baseline, row.Unit, Math.Round(row.OverheadPercent, 1)));
    }

    [Fact]
    public void ForRatesHigherIsBetterSoASlowerRateIsAPositiveOverhead() =>
        Assert.Equal(25.0, Overhead.Percent(80, 100, Direction.HigherIsBetter));

    [Fact]
    public void BenchmarkWithoutBaselineHasNoRows() =>
        Assert.Empty(Overhead.Build([PaperNumbers.Time("SP-MZ", "KVM", 104.36)], "BMM"));
}
