using VirtCluster.Engine.Config;

namespace VirtCluster.Engine.Cli;

/// <summary>Asks before changing anything, and refuses to guess when no one can answer.</summary>
internal static class Confirmation
{
    /// <summary>Throws when confirmation is needed but stdin is not a terminal (exit code 2).</summary>
    public static void RequireAnswerable(EngineHost host, bool yes, string verb)
    {
        if (!yes && !host.InputIsTerminal)
        {
            throw new ConfigException($"{verb} changes resources and stdin is not a terminal to confirm it: pass --yes");
        }
    }

    public static bool Ask(EngineHost host, bool yes, string question)
    {
        if (yes)
        {
            return true;
        }

        host.Output.Write(question + " [y/N] ");
        host.Output.Flush();
        var answer = host.Input.ReadLine()?.Trim();
        return answer is "y" or "Y" or "yes" or "Yes";
    }
}
