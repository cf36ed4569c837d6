using System.Runtime.InteropServices;

namespace VirtCluster.Engine.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM during a run: the first one cancels the run's token, so no new operation starts,
/// running ones are stopped where they can be, and the state is checkpointed before the process exits with
/// 128 + the signal number. A second one ends the process at once, as it would without this handler; the journal
/// still lets the next run resolve whatever was in flight.
/// </summary>
public sealed class Interruption : IDisposable
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    private readonly CancellationTokenSource _cancel = new();
    private readonly TextWriter _error;
    private readonly PosixSignalRegistration _sigInt;
    private readonly PosixSignalRegistration _sigTerm;
    private int _signal;

    /// <summary>Set once any run of this process was interrupted; lets the test hook wait for the handler.</summary>
    internal static bool Seen { get; private set; }

    public Interruption(TextWriter error)
    {
        _error = error;
        _sigInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => OnSignal(context, SigInt));
        _sigTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => OnSignal(context, SigTerm));
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>The signal that interrupted the run, or 0.</summary>
    public int Signal => Volatile.Read(ref _signal);

    /// <summary>The exit code of a run ended by <see cref="Signal"/>: 130 for Ctrl-C, 143 for SIGTERM.</summary>
    public int ExitCode => 128 + Signal;

    private void OnSignal(PosixSignalContext context, int signal)
    {
        if (Interlocked.CompareExchange(ref _signal, signal, 0) != 0)
        {
            // The second signal: let the runtime end the process.
            return;
        }

        context.Cancel = true;
        _error.WriteLine(
            $"interrupted ({(signal == SigInt ? "Ctrl-C" : "SIGTERM")}): starting nothing new, stopping running operations and saving the state; press Ctrl-C again to quit at once");
        _cancel.Cancel();
        Seen = true;
    }

    public void Dispose()
    {
        _sigInt.Dispose();
        _sigTerm.Dispose();
        _cancel.Dispose();
    }
}
