namespace VirtCluster.Planning;

/// <summary>The flavour chosen for a host and, when it was not simply what was asked, why.</summary>
public sealed record HypervisorDecision(DomainFlavour Flavour, string? Note);
