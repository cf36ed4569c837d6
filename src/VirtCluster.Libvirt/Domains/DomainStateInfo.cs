namespace VirtCluster.Libvirt;

/// <summary>
/// A domain's state and libvirt's reason for it; the reason's meaning depends on the state
/// (virDomainRunningReason, virDomainShutoffReason, ...), so it stays a number.
/// </summary>
public sealed record DomainStateInfo(DomainState State, int Reason);
