using VirtCluster.Sdk;

namespace VirtCluster.Resources;

/// <summary>Where a libvirt object lives: the host's libvirt URI and the host's name (one connection per host).</summary>
public abstract class LibvirtObjectArgs : ResourceArgs
{
    [Input("uri", required: true)]
    public Input<string> Uri { get; set; } = null!;

    [Input("host")]
    public Input<string>? Host { get; set; }

    /// <summary>The object's name in libvirt.</summary>
    [Input("name", required: true)]
    public Input<string> Name { get; set; } = null!;

    /// <summary>The object's libvirt XML.</summary>
    [Input("xml", required: true)]
    public Input<string> Xml { get; set; } = null!;
}

public sealed class StoragePoolArgs : LibvirtObjectArgs;

/// <summary>A directory storage pool on a host, holding the base image and the nodes' overlays.</summary>
public sealed class StoragePool : CustomResource
{
    public StoragePool(string name, StoragePoolArgs args, CustomResourceOptions? options = null)
        : base(ResourceTypes.Pool, name, args, options)
    {
    }

    [Output("active")]
    public Output<bool> Active { get; private set; } = null!;
}

public sealed class VolumeArgs : LibvirtObjectArgs
{
    /// <summary>The pool the volume is created in.</summary>
    [Input("pool", required: true)]
    public Input<string> Pool { get; set; } = null!;

    /// <summary>A local file whose bytes fill the volume after it is created (the node image's disk).</summary>
    [Input("uploadFrom")]
    public Input<string>? UploadFrom { get; set; }

    /// <summary>What the uploaded content is: a new digest replaces the volume.</summary>
    [Input("digest")]
    public Input<string>? Digest { get; set; }
}

/// <summary>A storage volume: the base image a host's nodes boot from, filled from the node image over a libvirt stream.</summary>
public sealed class BaseImageVolume : CustomResource
{
    public BaseImageVolume(string name, VolumeArgs args, CustomResourceOptions? options = null)
        : base(ResourceTypes.BaseImage, name, args, options)
    {
    }

    [Output("path")]
    public Output<string> Path { get; private set; } = null!;
}

/// <summary>A node's disk: a qcow2 overlay backed by its host's base image.</summary>
public sealed class OverlayVolume : CustomResource
{
    public OverlayVolume(string name, VolumeArgs args, CustomResourceOptions? options = null)
        : base(ResourceTypes.Overlay, name, args, options)
    {
    }

    [Output("path")]
    public Output<string> Path { get; private set; } = null!;
}

public sealed class NetworkArgs : LibvirtObjectArgs;

/// <summary>The cluster network on a host.</summary>
public sealed class Network : CustomResource
{
    public Network(string name, NetworkArgs args, CustomResourceOptions? options = null)
        : base(ResourceTypes.Network, name, args, options)
    {
    }

    [Output("active")]
    public Output<bool> Active { get; private set; } = null!;
}

public sealed class NodeArgs : LibvirtObjectArgs
{
    private InputList<string>? _addresses;
    private InputList<string>? _macs;

    /// <summary>The addresses the node answers on.</summary>
    [Input("addresses")]
    public InputList<string> Addresses
    {
        get => _addresses ??= [];
        set => _addresses = value;
    }

    [Input("macs")]
    public InputList<string> Macs
    {
        get => _macs ??= [];
        set => _macs = value;
    }

    /// <summary>How long a graceful shutdown may take before the domain is stopped hard.</summary>
    [Input("shutdownTimeoutSeconds")]
    public Input<int>? ShutdownTimeoutSeconds { get; set; }

    /// <summary>The serial console's log, where the guest prints its host key at boot.</summary>
    [Input("serialLog")]
    public Input<string>? SerialLog { get; set; }

    /// <summary>The host the node is reached through (its console log and SSH), when it is not this machine's lab.</summary>
    [Input("via")]
    public Input<global::VirtCluster.Lab.HostHop>? Via { get; set; }
}

/// <summary>A cluster node: a persistent libvirt domain, defined from its XML and running.</summary>
public sealed class Node : CustomResource
{
    public Node(string name, NodeArgs args, CustomResourceOptions? options = null)
        : base(ResourceTypes.Node, name, args, options)
    {
    }

    [Output("uuid")]
    public Output<string> Uuid { get; private set; } = null!;

    [Output("running")]
    public Output<bool> Running { get; private set; } = null!;

    /// <summary>The guest's SSH host key, read from its console at first boot and pinned from then on.</summary>
    [Output("hostKey")]
    public Output<string> HostKey { get; private set; } = null!;
}
