namespace VirtCluster.Remote;

/// <summary>
/// A remote command ended in failure. Carries the whole <see cref="CommandResult"/> so that callers can
/// still read the output, and a message that says where, what and how it failed.
/// </summary>
public sealed class RemoteCommandException : Exception
{
    /// <summary>How many trailing characters of stderr the message quotes.</summary>
    public const int StderrTailLength = 2000;

    public RemoteCommandException(string what, CommandResult result)
        : base(Describe(what, result))
    {
        Result = result;
    }

    public CommandResult Result { get; }

    public string Host => Result.Host;

    public string Command => Result.Command;

    private static string Describe(string what, CommandResult result)
    {
        var ending = result switch
        {
            { TimedOut: true } => $"timed out after {result.Elapsed.TotalSeconds:F1} s"
                + (result.Signal is null ? "" : $" (stopped with SIG{result.Signal})"),
            { Signal: not null } => $"was killed by SIG{result.Signal}",
            { ExitStatus: int status } => $"exited with status {status}",
            _ => "ended without an exit status (the connection or channel closed)",
        };
        var stderr = result.Stderr.TrimEnd();
        var tail = stderr.Length > StderrTailLength ? "..." + stderr[^StderrTailLength..] : stderr;
        return $"Failed to {what} on {result.Host}: `{result.Command}` {ending}."
            + (tail.Length == 0 ? " It wrote nothing to stderr." : $" stderr:{Environment.NewLine}{tail}");
    }
}
