using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Tests.TestData;

namespace VirtCluster.Engine.Tests.Model;

public sealed class DeclarationOptionsTests
{
    [Fact]
    public void ADeclarationCarriesItsOptions()
    {
        var program = TestStack.EmptyProgram();

        program.Declare("test:Vm", "vm", new JsonObject(), new ResourceOptions
        {
            Protect = true,
            IgnoreChanges = ["size"],
            ReplaceOnChanges = ["host"],
            DeleteBeforeReplace = true,
            RetainOnDelete = true,
            CustomTimeouts = new CustomTimeouts { Create = TimeSpan.FromMinutes(10), Delete = TimeSpan.FromMinutes(2) },
        });

        var options = Assert.Single(program.Resources).Options;
        Assert.True(options.Protect);
        Assert.Equal(["size"], options.IgnoreChanges);
        Assert.Equal(["host"], options.ReplaceOnChanges);
        Assert.True(options.DeleteBeforeReplace);
        Assert.True(options.RetainOnDelete);
        Assert.Equal(new CustomTimeouts { Create = TimeSpan.FromMinutes(10), Delete = TimeSpan.FromMinutes(2) }, options.CustomTimeouts);
    }

    [Fact]
    public void WithoutOptionsEverythingIsOff()
    {
        var program = TestStack.EmptyProgram();

        program.Declare("test:Vm", "vm", new JsonObject());

        var options = Assert.Single(program.Resources).Options;
        Assert.False(options.Protect || options.DeleteBeforeReplace || options.RetainOnDelete);
        Assert.Empty(options.IgnoreChanges);
        Assert.Empty(options.ReplaceOnChanges);
        Assert.Equal(CustomTimeouts.None, options.CustomTimeouts);
    }

    [Fact]
    public void ProtectAndRetainOnDeleteAreInheritedFromTheParentUnlessSetOnTheChild()
    {
        var program = TestStack.EmptyProgram();
        var host = program.Component("test:Host", "h0", new ResourceOptions { Protect = true, RetainOnDelete = true });
        var inHost = new ResourceOptions { Parent = host };
        var pool = program.Declare("test:Pool", "pool", new JsonObject(), inHost);
        program.Declare("test:Volume", "inherits-twice", new JsonObject(), new ResourceOptions { Parent = pool });
        program.Declare("test:Vm", "overrides", new JsonObject(), inHost with { Protect = false, RetainOnDelete = false });
        program.Declare("test:Vm", "orphan", new JsonObject());

        var protect = program.Resources.ToDictionary(r => r.Name, r => (r.Options.Protect, r.Options.RetainOnDelete));

        Assert.Equal((true, true), protect["pool"]);
        Assert.Equal((true, true), protect["inherits-twice"]);
        Assert.Equal((false, false), protect["overrides"]);
        Assert.Equal((false, false), protect["orphan"]);
    }

    [Fact]
    public void AnEmptyPropertyPathIsRefusedNamingTheResourceAndTheOption()
    {
        var program = TestStack.EmptyProgram();

        var error = Assert.Throws<InvalidOperationException>(() =>
            program.Declare("test:Vm", "vm", new JsonObject(), new ResourceOptions { IgnoreChanges = ["disk..size"] }));

        Assert.Equal(
            "resource 'urn:virtcluster:dev::lab::test:Vm::vm': IgnoreChanges entry 'disk..size' is not a property name or dotted path such as 'disk.size'",
            error.Message);
        Assert.Empty(program.Resources);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(50 * 24 * 3600)]
    public void ATimeoutThatCannotWorkIsRefusedNamingTheResourceAndTheOperation(int seconds)
    {
        var program = TestStack.EmptyProgram();
        var timeout = TimeSpan.FromSeconds(seconds);

        var error = Assert.Throws<InvalidOperationException>(() =>
            program.Declare("test:Vm", "vm", new JsonObject(), new ResourceOptions { CustomTimeouts = new CustomTimeouts { Update = timeout } }));

        Assert.Equal(
            $"resource 'urn:virtcluster:dev::lab::test:Vm::vm': CustomTimeouts.Update is {timeout}; it must be longer than zero and at most 49 days",
            error.Message);
    }

    [Fact]
    public void AStarAndDottedPathsAreAccepted()
    {
        var program = TestStack.EmptyProgram();

        program.Declare("test:Vm", "vm", new JsonObject(), new ResourceOptions { ReplaceOnChanges = ["*", "spec.memory"], IgnoreChanges = ["spec.label"] });

        Assert.Equal(["*", "spec.memory"], Assert.Single(program.Resources).Options.ReplaceOnChanges);
    }
}
