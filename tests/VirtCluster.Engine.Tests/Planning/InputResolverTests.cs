using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;

namespace VirtCluster.Engine.Tests.Planning;

public sealed class InputResolverTests
{
    private static readonly Urn Node = Urn.Create("s", "p", "t:Node", "n0");

    private static JsonObject Inputs() => new() { ["hostKey"] = new OutputRef(Node, "hostKey").ToJson() };

    private static JsonObject? Recorded(Urn urn) => new() { ["name"] = "n0" };

    [Fact]
    public void AnOutputMissingFromAnUnchangedResourceIsAnErrorNamingItAndTheFix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => InputResolver.Resolve(Inputs(), Recorded));

        Assert.Contains($"resource '{Node}' has no output 'hostKey' (it has: name)", error.Message);
        Assert.Contains("run refresh", error.Message);
    }

    [Fact]
    public void AnOutputMissingFromAResourceAboutToBeUpdatedIsUnknownUntilTheUpdateProducesIt()
    {
        var resolved = InputResolver.Resolve(Inputs(), Recorded, urn => urn == Node);

        Assert.True(UnknownValue.IsUnknown(resolved["hostKey"]));
    }

    [Fact]
    public void AKnownOutputResolvesToItsValue()
    {
        var resolved = InputResolver.Resolve(Inputs(), _ => new JsonObject { ["hostKey"] = "ssh-ed25519 AAAA" }, _ => true);

        Assert.Equal("ssh-ed25519 AAAA", resolved["hostKey"]!.GetValue<string>());
    }
}
