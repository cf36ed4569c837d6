using System.Text;

namespace VirtCluster.Remote;

/// <summary>
/// POSIX-shell quoting. SSH hands the remote side one command string that a shell re-parses, so every
/// argument must be quoted or a value such as <c>a; rm -rf /</c> becomes two commands.
/// </summary>
public static class ShellQuote
{
    /// <summary>
    /// Quotes one argument so that the shell yields it back byte for byte. Plain words stay readable in
    /// logs; anything else is wrapped in single quotes, inside which only the single quote itself needs care.
    /// </summary>
    /// <exception cref="ArgumentException">The value holds a NUL, which no command line can carry.</exception>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\0'))
        {
            throw new ArgumentException("A shell argument cannot contain a NUL character.", nameof(value));
        }

        if (value.Length > 0 && value.All(IsPlain))
        {
            return value;
        }

        var quoted = new StringBuilder(value.Length + 2);
        quoted.Append('\'');
        foreach (var c in value)
        {
            // Close the quote, emit an escaped quote, reopen: 'it'\''s'.
            quoted.Append(c == '\'' ? "'\\''" : c.ToString());
        }

        return quoted.Append('\'').ToString();
    }

    /// <summary>Quotes every element of <paramref name="argv"/> and joins them with spaces.</summary>
    /// <exception cref="ArgumentException">The list is empty: there is no program to run.</exception>
    public static string Join(IReadOnlyList<string> argv)
    {
        ArgumentNullException.ThrowIfNull(argv);
        if (argv.Count == 0)
        {
            throw new ArgumentException("A command needs at least the program name.", nameof(argv));
        }

        return string.Join(' ', argv.Select(Quote));
    }

    private static bool IsPlain(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '_' or '-' or '.' or '/' or ',' or ':' or '=' or '+' or '@' or '%';
}
