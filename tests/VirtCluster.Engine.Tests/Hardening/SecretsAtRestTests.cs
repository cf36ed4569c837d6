using System.Runtime.Versioning;
using System.Text;
using VirtCluster.Engine.Logging;
using VirtCluster.Engine.State;
using VirtCluster.Engine.Tests.Cli;

namespace VirtCluster.Engine.Tests.Hardening;

/// <summary>
/// After a secret is set with <c>config set --secret</c> and used by an <c>up</c>, it is nowhere in plain text: not in
/// the stack file, the state, the journal or the run's log; and the state and log files are readable by the owner only.
/// </summary>
public sealed class SecretsAtRestTests
{
    private const string Secret = "s3cr3t-Pa55-hardening";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task ASecretSetAndUsedByUpIsInNoFileInPlainText()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, (await cli.RunAsync("config", "set", "lab:password", Secret, "--secret", "--stack", "dev")).Code);
        cli.Stack.Password = Secret;

        var (code, output, error) = await cli.RunAsync("up", "--yes", "-vv", "--stack", "dev");

        Assert.Equal(0, code);
        Assert.DoesNotContain(Secret, output + error);
        var files = Directory.GetFiles(cli.ProjectDirectory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith(".clef", StringComparison.Ordinal));
        Assert.All(files, f => Assert.False(Contains(f, Secret), $"{f} holds the secret in plain text"));
    }

    [Fact]
    public async Task AStackSecretIsRegisteredForMaskingBeforeTheRunLogsAnything()
    {
        const string secret = "only-in-the-stack-file-7f3a";
        using var cli = new CliHarness();
        Assert.Equal(0, (await cli.RunAsync("config", "set", "lab:password", secret, "--secret", "--stack", "dev")).Code);

        Assert.Equal(0, (await cli.RunAsync("preview", "--stack", "dev")).Code);

        Assert.True(SecretRedactor.Process.Contains($"qemu+ssh://root:{secret}@h0/system"), "the run's logs would show the secret unmasked");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task StateAndLogFilesAreReadableByTheOwnerOnly()
    {
        using var cli = new CliHarness();
        cli.Stack.Password = Secret;

        Assert.Equal(0, (await cli.RunAsync("up", "--yes", "--stack", "dev")).Code);

        using var paths = new FileStateStore(cli.Backend, "dev", null);
        var logs = Directory.GetFiles(Path.Combine(cli.Backend, "logs"), "*.clef");
        Assert.NotEmpty(logs);
        foreach (var file in logs.Append(paths.CheckpointPath))
        {
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(file));
        }
    }

    private static bool Contains(string file, string secret) =>
        File.ReadAllText(file, Encoding.Latin1).Contains(secret, StringComparison.Ordinal);
}
