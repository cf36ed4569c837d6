namespace VirtCluster.Engine.Config;

/// <summary>Finds the known name closest to a misspelt one, for "did you mean ...?" hints.</summary>
public static class KeySuggestion
{
    /// <summary>The closest candidate by edit distance, or null when none is close enough to be a plausible typo.</summary>
    public static string? Closest(string written, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(written.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // A third of the name (at least 2 edits) separates a typo from a different word.
        return best is not null && bestDistance <= Math.Max(2, written.Length / 3) ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" or nothing, ready to append to a message.</summary>
    public static string Hint(string written, IEnumerable<string> known) =>
        Closest(written, known) is { } match ? $"; did you mean '{match}'?" : string.Empty;

    /// <summary>Levenshtein distance (insert, delete, substitute), two rows.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
