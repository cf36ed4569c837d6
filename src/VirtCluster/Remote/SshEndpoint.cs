namespace VirtCluster.Remote;

/// <summary>
/// Where to reach a host and under which name to check its host key. The two differ when the connection
/// goes through a <see cref="NamespaceTcpForwarder"/>: the socket goes to 127.0.0.1 at the forwarded port,
/// but the key must be the one pinned for the guest's own name.
/// </summary>
/// <param name="HostName">The name keys are pinned under and messages speak of (e.g. <c>node01</c>).</param>
/// <param name="Address">The address to dial (an IP address or resolvable name).</param>
/// <param name="Port">The TCP port of sshd.</param>
public sealed record SshEndpoint(string HostName, string Address, int Port = 22)
{
    public override string ToString() => HostName == Address && Port == 22 ? HostName : $"{HostName} ({Address}:{Port})";
}
