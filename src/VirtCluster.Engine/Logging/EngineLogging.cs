using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace VirtCluster.Engine.Logging;

/// <summary>
/// The run's logging: people read stderr, quiet on success unless asked (<c>-v</c>); the per-run CLEF file keeps
/// the detail (Debug) for after the fact, readable only by the owner since it records hosts and commands.
/// </summary>
public static class EngineLogging
{
    private const string ConsoleTemplate = "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}";

    /// <summary>Console on stderr and, when <paramref name="clefFilePath"/> is given, a CLEF file; secrets masked by <see cref="SecretRedactor.Process"/>.</summary>
    /// <param name="verbosity">Number of <c>-v</c>: 0 warnings and errors only, 1 information, 2 debug, 3 or more everything.</param>
    /// <param name="clefFilePath">The run's log file (created with mode 0600), or null for none.</param>
    /// <returns>The logger; dispose it at the end of the run to flush the file.</returns>
    public static Logger Configure(int verbosity, string? clefFilePath) =>
        Configure(verbosity, clefFilePath, SecretRedactor.Process, console: null);

    /// <param name="verbosity">Number of <c>-v</c>.</param>
    /// <param name="clefFilePath">The run's log file, or null.</param>
    /// <param name="redactor">Masks secrets in both sinks.</param>
    /// <param name="console">Where console lines go instead of stderr (tests).</param>
    internal static Logger Configure(int verbosity, string? clefFilePath, SecretRedactor redactor, TextWriter? console)
    {
        var consoleLevel = ConsoleLevel(verbosity);
        var consoleSink = new LoggerConfiguration().MinimumLevel.Is(consoleLevel);
        consoleSink = console is null
            ? consoleSink.WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture, standardErrorFromLevel: LevelAlias.Minimum)
            : consoleSink.WriteTo.Sink(new TextWriterSink(new MessageTemplateTextFormatter(ConsoleTemplate, CultureInfo.InvariantCulture), console));

        var root = new LoggerConfiguration()
            .MinimumLevel.Is(consoleLevel)
            .WriteTo.Sink(new RedactingSink(redactor, consoleSink.CreateLogger()), restrictedToMinimumLevel: consoleLevel);
        if (clefFilePath is not null)
        {
            var fileLevel = (LogEventLevel)Math.Min((int)consoleLevel, (int)LogEventLevel.Debug);
            CreatePrivateFile(clefFilePath);
            var fileSink = new LoggerConfiguration().MinimumLevel.Is(fileLevel).WriteTo.File(new CompactJsonFormatter(), clefFilePath);
            root = root.MinimumLevel.Is(fileLevel).WriteTo.Sink(new RedactingSink(redactor, fileSink.CreateLogger()), restrictedToMinimumLevel: fileLevel);
        }

        return root.CreateLogger();
    }

    public static LogEventLevel ConsoleLevel(int verbosity) => verbosity switch
    {
        <= 0 => LogEventLevel.Warning,
        1 => LogEventLevel.Information,
        2 => LogEventLevel.Debug,
        _ => LogEventLevel.Verbose,
    };

    /// <summary>The file sink would create the file with the umask's mode; create it first as owner-only.</summary>
    private static void CreatePrivateFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (new FileStream(path, new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write, UnixCreateMode = ownerOnly }))
        {
        }

        File.SetUnixFileMode(path, ownerOnly);
    }
}
