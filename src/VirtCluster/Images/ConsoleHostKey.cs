using System.Text.RegularExpressions;

namespace VirtCluster.Images;

/// <summary>
/// Finds the host key a node printed on its serial console at boot, so the tool can pin it before the
/// first SSH connection instead of trusting whatever key answers.
/// </summary>
public static partial class ConsoleHostKey
{
    /// <summary>
    /// The last <c>VIRTCLUSTER-HOSTKEY TYPE KEY</c> line in <paramref name="consoleLog"/> as
    /// <c>"TYPE KEY"</c> (known_hosts form without the host), or null when the node has not printed it yet.
    /// </summary>
    public static string? Find(string consoleLog)
    {
        var matches = HostKeyLine().Matches(consoleLog);
        return matches.Count == 0 ? null : $"{matches[^1].Groups[1].Value} {matches[^1].Groups[2].Value}";
    }

    [GeneratedRegex(@"VIRTCLUSTER-HOSTKEY (ssh-ed25519) ([A-Za-z0-9+/]{68})\r?$", RegexOptions.Multiline)]
    private static partial Regex HostKeyLine();
}
