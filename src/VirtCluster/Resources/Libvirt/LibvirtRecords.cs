using System.Text.Json.Serialization;

namespace VirtCluster.Resources.Libvirt;

/// <summary>A pool's or a network's inputs: where it lives (<c>host</c> is null where only one host uses the URI), its name and its XML.</summary>
public sealed record LibvirtObjectInputs(string Uri, string? Host, string Name, string Xml) : ILibvirtLocation;

/// <summary>A pool's or a network's outputs: whether it runs, so a stopped one is started again (see Diff).</summary>
public sealed record ActiveObjectOutputs(string Name, bool Active);

/// <summary>
/// A volume's inputs: <c>uploadFrom</c> is a local file whose bytes fill the volume (the base image); <c>digest</c> says
/// what that content is and is compared by Diff only, so a new image replaces the volume.
/// </summary>
public sealed record VolumeInputs(string Uri, string? Host, string Pool, string Name, string Xml, string? UploadFrom = null, string? Digest = null)
    : ILibvirtLocation;

public sealed record VolumeOutputs(string Name, string Path);

/// <summary>
/// A node's inputs: <c>shutdownTimeoutSeconds</c> bounds a graceful shutdown (30 s when absent); <c>serialLog</c> is the
/// console log where a lab guest prints its host key
/// (on the host <c>via</c> names, when the node is reached through its host).
/// </summary>
public sealed record NodeInputs(
    string Uri,
    string Host,
    string Name,
    string Xml,
    IReadOnlyList<string>? Addresses = null,
    IReadOnlyList<string>? Macs = null,
    long? ShutdownTimeoutSeconds = null,
    string? SerialLog = null,
    global::VirtCluster.Lab.HostHop? Via = null) : ILibvirtLocation;

/// <summary>
/// A node's outputs. <c>host</c>, <c>macs</c> and <c>addresses</c> are copied from the inputs and written even when
/// null, as they always were: refresh compares them with what state holds. <c>hostKey</c> is the pinned host key from
/// readiness, absent on a node never seen ready.
/// </summary>
public sealed record NodeOutputs(
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Host,
    string Uuid,
    bool Running,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyList<string>? Macs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyList<string>? Addresses,
    string? HostKey = null);

/// <summary>Where a libvirt object lives, as every libvirt resource's inputs say it.</summary>
public interface ILibvirtLocation
{
    string Uri { get; }

    string? Host { get; }
}
