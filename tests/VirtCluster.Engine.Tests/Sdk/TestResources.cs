using VirtCluster.Sdk;

namespace VirtCluster.Engine.Tests.Sdk;

// A small cloud's resource types written as a program's author writes them; served by in-memory providers whose
// outputs are their inputs plus an id.

public sealed class DiskArgs : ResourceArgs
{
    [Input("host", required: true)]
    public Input<string> Host { get; set; } = null!;

    [Input("sizeGb")]
    public Input<int>? SizeGb { get; set; }
}

public sealed class Disk : CustomResource
{
    public Disk(string name, DiskArgs args, CustomResourceOptions? options = null)
        : base("test:Disk", name, args, options)
    {
    }

    [Output("id")]
    public Output<string> Id { get; private set; } = null!;

    [Output("sizeGb")]
    public Output<int> SizeGb { get; private set; } = null!;
}

public sealed class NicArgs : ResourceArgs
{
    [Input("address")]
    public Input<string>? Address { get; set; }
}

public sealed class MachineArgs : ResourceArgs
{
    [Input("host", required: true)]
    public Input<string> Host { get; set; } = null!;

    [Input("disk")]
    public Input<string>? Disk { get; set; }

    [Input("password")]
    public Input<string>? Password { get; set; }

    private InputList<string>? _tags;
    private InputList<NicArgs>? _nics;

    [Input("tags")]
    public InputList<string> Tags
    {
        get => _tags ??= [];
        set => _tags = value;
    }

    [Input("nics")]
    public InputList<NicArgs> Nics
    {
        get => _nics ??= [];
        set => _nics = value;
    }
}

public sealed class Machine : CustomResource
{
    public Machine(string name, MachineArgs args, CustomResourceOptions? options = null)
        : base("test:Machine", name, args, options)
    {
    }

    [Output("id")]
    public Output<string> Id { get; private set; } = null!;

    [Output("disk")]
    public Output<string> Disk { get; private set; } = null!;
}

/// <summary>A component: one disk and one machine booting from it; its output is the machine's id.</summary>
public sealed class Server : ComponentResource
{
    public Server(string name, string host, ComponentResourceOptions? options = null)
        : base("test:index:Server", name, options)
    {
        var disk = new Disk(name + "-disk", new DiskArgs { Host = host, SizeGb = 10 }, new CustomResourceOptions { Parent = this });
        var machine = new Machine(name, new MachineArgs { Host = host, Disk = disk.Id }, new CustomResourceOptions { Parent = this });
        MachineId = machine.Id;
        RegisterOutputs(new Dictionary<string, object?> { ["machineId"] = MachineId });
    }

    [Output("machineId")]
    public Output<string> MachineId { get; private set; }
}
