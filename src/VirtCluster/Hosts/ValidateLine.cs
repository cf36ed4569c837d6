namespace VirtCluster.Hosts;

/// <summary>One <c>virt-host-validate</c> line, e.g. <c>QEMU: Checking for device assignment IOMMU support : PASS</c>.</summary>
/// <param name="Driver">The driver prefix (QEMU, LXC).</param>
/// <param name="Check">The check's wording.</param>
/// <param name="Result">PASS, WARN or FAIL.</param>
/// <param name="Detail">The parenthesised advice after WARN/FAIL, if any.</param>
public sealed record ValidateLine(string Driver, string Check, string Result, string? Detail)
{
    public bool Passed => Result == "PASS";

    public override string ToString() => $"{Driver}: {Check} : {Result}" + (Detail is null ? "" : $" ({Detail})");
}
