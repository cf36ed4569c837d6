using System.Text;
using System.Text.RegularExpressions;

namespace VirtCluster.Tests.Fuzzing;

/// <summary>
/// Seeded mutations of a real input: the kinds of damage files meet in practice (flipped bytes, lost or repeated
/// lines, truncation, stray structural characters, absurd numbers, very long lines). The same seed always gives the
/// same output, so a failing case is reproduced from its number alone.
/// </summary>
internal static partial class Mutator
{
    private static readonly string[] Structural =
    [
        ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "#", "&a ", "*a", "!!str ", "!!binary ", "|", ">", "\"", "'",
        "\n", "\r\n", "\t", "  ", "    ", "---\n", "...\n", "%YAML 1.1\n", "? ", "<", ">", "&", ";", "$(id)", "`", "\\",
        "../", "\0", "\u00e9", "\ufeff", "\ud83d\ude00", "=", "|", "*", "~", "null", "true",
    ];

    private static readonly string[] Numbers =
    [
        "99999999999999999999999999", "-99999999999999999999", "1e309", "-1e309", "NaN", "nan", "inf", "-inf", "Infinity",
        "-Infinity", "1.7976931348623157e308", "4.9e-324", "0", "-0", "-1", "2147483648", "9223372036854775808",
        "0x7fffffff", "1_000", "1,5", "0.0.0", "+", "",
    ];

    /// <summary>One to three mutations of <paramref name="text"/>, chosen by <paramref name="random"/>.</summary>
    public static string Mutate(string text, Random random)
    {
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            text = MutateOnce(text, random);
        }

        return text;
    }

    private static string MutateOnce(string text, Random random) => random.Next(9) switch
    {
        0 => FlipCharacter(text, random),
        1 => EditLines(text, random, (lines, at) => lines.RemoveAt(at)),
        2 => EditLines(text, random, (lines, at) => lines.Insert(at, lines[at])),
        3 => text[..random.Next(text.Length + 1)],
        4 => text.Insert(random.Next(text.Length + 1), Structural[random.Next(Structural.Length)]),
        5 => ReplaceNumber(text, random),
        6 => text.Insert(random.Next(text.Length + 1), LongRun(random)),
        7 => EditLines(text, random, (lines, at) => (lines[at], lines[^1]) = (lines[^1], lines[at])),
        _ => EditLines(text, random, (lines, at) => lines[at] = Garbage(random)),
    };

    private static string FlipCharacter(string text, Random random)
    {
        if (text.Length == 0)
        {
            return Garbage(random);
        }

        var chars = text.ToCharArray();
        var at = random.Next(chars.Length);
        chars[at] = random.Next(4) == 0 ? (char)random.Next(0, 32) : (char)(chars[at] ^ (1 << random.Next(8)));
        return new string(chars);
    }

    private static string EditLines(string text, Random random, Action<List<string>, int> edit)
    {
        var lines = text.Split('\n').ToList();
        edit(lines, random.Next(lines.Count));
        return string.Join('\n', lines);
    }

    private static string ReplaceNumber(string text, Random random)
    {
        var numbers = Number().Matches(text);
        if (numbers.Count == 0)
        {
            return text;
        }

        var match = numbers[random.Next(numbers.Count)];
        return string.Concat(text.AsSpan(0, match.Index), Numbers[random.Next(Numbers.Length)], text.AsSpan(match.Index + match.Length));
    }

    /// <summary>A long run of one character, sometimes past the 64 KiB line limit of the parsers.</summary>
    private static string LongRun(Random random)
    {
        var length = random.Next(4) == 0 ? 70_000 : random.Next(256, 4096);
        return new string("x9 :-"[random.Next(5)], length);
    }

    private static string Garbage(Random random)
    {
        var builder = new StringBuilder();
        var length = random.Next(1, 80);
        for (var i = 0; i < length; i++)
        {
            builder.Append((char)random.Next(0, 0x250));
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?")]
    private static partial Regex Number();
}
