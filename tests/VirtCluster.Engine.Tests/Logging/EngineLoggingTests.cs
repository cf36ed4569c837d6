using System.Text.Json;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Logging;

namespace VirtCluster.Engine.Tests.Logging;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EngineLoggingTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vc-logging-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string ClefPath => Path.Combine(_dir.FullName, "logs", "run.clef");

    [Fact]
    public void AtDefaultVerbosityTheConsoleShowsOnlyWarningsButTheFileKeepsDebug()
    {
        var console = new StringWriter();
        using (var log = EngineLogging.Configure(0, ClefPath, new SecretRedactor(), console))
        {
            log.Debug("planning {Host}", "agc01");
            log.Information("created {Count} resources", 3);
            log.Warning("host {Host} has old firmware", "agc02");
        }

        Assert.DoesNotContain("planning", console.ToString());
        Assert.DoesNotContain("created", console.ToString());
        Assert.Contains("WRN host agc02 has old firmware", console.ToString());
        var events = ReadClef();
        Assert.Equal(["planning {Host}", "created {Count} resources", "host {Host} has old firmware"], events.Select(e => e.GetProperty("@mt").GetString()));
        Assert.Equal("agc01", events[0].GetProperty("Host").GetString());
        Assert.Equal("Debug", events[0].GetProperty("@l").GetString());
    }

    [Theory]
    [InlineData(1, false, true)]
    [InlineData(2, true, true)]
    public void EachVerboseFlagShowsOneMoreLevelOnTheConsole(int verbosity, bool debugShown, bool informationShown)
    {
        var console = new StringWriter();
        using (var log = EngineLogging.Configure(verbosity, null, new SecretRedactor(), console))
        {
            log.Debug("debug line");
            log.Information("information line");
        }

        Assert.Equal(debugShown, console.ToString().Contains("debug line", StringComparison.Ordinal));
        Assert.Equal(informationShown, console.ToString().Contains("information line", StringComparison.Ordinal));
    }

    [Fact]
    public void TheClefFileIsReadableByTheOwnerOnly()
    {
        using (var log = EngineLogging.Configure(0, ClefPath, new SecretRedactor(), new StringWriter()))
        {
            log.Debug("x");
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ClefPath));
    }

    [Fact]
    public void ARegisteredSecretIsMaskedInMessagesPropertiesAndExceptionsOfBothSinks()
    {
        var redactor = new SecretRedactor();
        redactor.Register("hunter2");
        var console = new StringWriter();
        using (var log = EngineLogging.Configure(0, ClefPath, redactor, console))
        {
            log.Warning("connecting with {Uri}", "qemu+ssh://root:hunter2@agc01/system");
            log.Warning("literal hunter2 in the template");
            log.Warning(new InvalidOperationException("auth hunter2 refused"), "failed for {Hosts}", new[] { "agc01", "xhunter2x" });
        }

        var file = File.ReadAllText(ClefPath);
        Assert.DoesNotContain("hunter2", console.ToString());
        Assert.DoesNotContain("hunter2", file);
        Assert.Contains("qemu+ssh://root:[secret]@agc01/system", console.ToString());
        Assert.Contains("literal [secret] in the template", console.ToString());
        Assert.Contains("auth [secret] refused", console.ToString());
        Assert.Contains("x[secret]x", file);
        Assert.Contains("qemu+ssh://root:[secret]@agc01/system", file);
        Assert.Contains("InvalidOperationException: auth [secret] refused", file);
    }

    [Fact]
    public void AStackSecretRegisteredLaterIsMaskedFromThenOn()
    {
        var redactor = new SecretRedactor();
        var console = new StringWriter();
        using var log = EngineLogging.Configure(0, null, redactor, console);

        log.Warning("before {Value}", "s3cr3t");
        redactor.Register("s3cr3t");
        log.Warning("after {Value}", "s3cr3t");

        Assert.Contains("before s3cr3t", console.ToString());
        Assert.Contains("after [secret]", console.ToString());
    }

    [Fact]
    public void EverySecretOfALoadedStackCanBeRegisteredAtOnce()
    {
        var at = new SourceLocation("Pulumi.dev.yaml", 2, 3);
        var config = new StackConfig("demo", "dev", "/project/Pulumi.dev.yaml", new Dictionary<string, ConfigNode>
        {
            ["demo:token"] = new ConfigSecret("tok-123", at),
            ["demo:label"] = new ConfigScalar("visible", false, at),
        });
        var redactor = new SecretRedactor();

        redactor.RegisterSecretsOf(config);

        Assert.Equal("[secret] visible", redactor.Redact("tok-123 visible"));
    }

    private List<JsonElement> ReadClef() =>
        File.ReadAllLines(ClefPath).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
}
