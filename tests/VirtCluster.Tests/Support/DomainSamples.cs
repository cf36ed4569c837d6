using VirtCluster.Config;
using VirtCluster.Domains;
using VirtCluster.Hosts;
using VirtCluster.Planning;

namespace VirtCluster.Tests.Support;

/// <summary>Domain definitions of the paper's node for each hypervisor flavour, planned from the recorded host.</summary>
internal static class DomainSamples
{
    public static readonly KernelBoot Kernel = new("/var/lib/virtcluster/images/vmlinuz", "/var/lib/virtcluster/images/initrd.img", "root=/dev/vda console=ttyS0 net.ifnames=0");

    public static HypervisorChoice ChoiceFor(DomainFlavour flavour) => flavour switch
    {
        DomainFlavour.Kvm => HypervisorChoice.Kvm,
        DomainFlavour.Tcg => HypervisorChoice.Tcg,
        DomainFlavour.XenHvm => HypervisorChoice.XenHvm,
        _ => HypervisorChoice.XenPv,
    };

    public static async Task<(NodePlan Plan, DomainDefinition Domain)> PaperNodeAsync(DomainFlavour flavour, PinningPolicy pinning = PinningPolicy.Strict)
    {
        var spec = SpecSamples.Agc() with { Hypervisor = ChoiceFor(flavour), Pinning = pinning };
        var plan = NodePlanner.Plan(spec, await HostSamples.RecordedAsync("agc01"), 0);
        var machine = new NodeMachine(
            Kernel,
            $"/var/lib/virtcluster/pools/agc16-sim/{plan.NodeName}.qcow2",
            spec.Network.Name,
            MacAddress.Derive(spec.Stack, plan.NodeName),
            $"/var/log/virtcluster/{plan.NodeName}.serial.log");
        return (plan, DomainDefinition.FromPlan(plan, machine));
    }
}
