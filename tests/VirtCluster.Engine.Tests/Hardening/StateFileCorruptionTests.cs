using VirtCluster.Engine.Cli;
using VirtCluster.Engine.State;
using VirtCluster.Engine.Tests.Cli;

namespace VirtCluster.Engine.Tests.Hardening;

/// <summary>
/// A state file that was truncated, overwritten or edited by hand is refused with exit code 2 naming the file, and
/// the file is left exactly as it was, so that nothing is done on the strength of a misread state.
/// </summary>
public sealed class StateFileCorruptionTests
{
    public static TheoryData<string, Func<string, string>> Edits => new()
    {
        { "truncated", text => text[..(text.Length / 2)] },
        { "emptied", _ => "" },
        { "garbage", _ => "\u007fELF\u0002\u0001\u0001\0\0\0 not json" },
        { "version changed", text => text.Replace("\"version\": 1", "\"version\": 99") },
        { "version removed", text => text.Replace("\"version\": 1,", "") },
        { "resources not a list", text => text.Replace("\"resources\": [", "\"resources\": {\"x\": [").Replace("\"pending\"", "}, \"pending\"") },
        { "urn edited to a number", text => ReplaceFirst(text, "\"urn\": \"", "\"urn\": 42, \"x\": \"") },
        { "duplicate key", text => ReplaceFirst(text, "\"type\": ", "\"type\": \"test:Pool\", \"type\": ") },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task AnEditedCheckpointExitsWithTwoNamingTheFileAndIsLeftUntouched(string edit, Func<string, string> change)
    {
        using var cli = new CliHarness();
        Assert.Equal(0, (await cli.RunAsync("up", "--yes", "--stack", "dev")).Code);
        using var paths = new FileStateStore(cli.Backend, "dev", null);
        var edited = change(File.ReadAllText(paths.CheckpointPath));
        File.WriteAllText(paths.CheckpointPath, edited);

        var (code, _, error) = await cli.RunAsync("up", "--yes", "--stack", "dev");

        Assert.True(code == ExitCodes.UsageError, $"{edit}: exit {code}: {error}");
        Assert.Contains(paths.CheckpointPath, error);
        Assert.Equal(edited, File.ReadAllText(paths.CheckpointPath));
        Assert.False(File.Exists(paths.LockPath), "the lock must be released after the refusal");
    }

    [Fact]
    public async Task AJournalHeaderWithAFractionalGenerationIsRefusedAsCorrupt()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, (await cli.RunAsync("up", "--yes", "--stack", "dev")).Code);
        using var paths = new FileStateStore(cli.Backend, "dev", null);
        File.WriteAllText(paths.JournalPath, "{\"version\":1,\"generation\":1.5}\n");

        var error = Record.Exception(() => new FileStateStore(cli.Backend, "dev", null).Load());

        Assert.IsType<StateException>(error);
        Assert.Contains(paths.JournalPath, error.Message);
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{what}' not in the checkpoint");
        return string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + what.Length));
    }
}
