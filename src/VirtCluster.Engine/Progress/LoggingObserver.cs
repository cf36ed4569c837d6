using Serilog;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;

namespace VirtCluster.Engine.Progress;

/// <summary>Writes every operation to the run's log (the CLEF file), whatever the console shows.</summary>
public sealed class LoggingObserver(ILogger logger) : IDeploymentObserver
{
    public void Started(Urn urn, StepKind kind) =>
        logger.Information("Starting {Operation} of {Urn}", StepText.Name(kind), urn.Value);

    public void Progress(Urn urn, string message) =>
        logger.Debug("{Urn}: {Progress}", urn.Value, message);

    public void Status(Urn urn, string message) =>
        logger.Information("{Urn}: {Status}", urn.Value, message);

    public void Finished(Urn urn, StepKind kind, Exception? error, TimeSpan elapsed)
    {
        if (error is null)
        {
            logger.Information("Finished {Operation} of {Urn} in {Elapsed}", StepText.Name(kind), urn.Value, elapsed);
        }
        else
        {
            // Information, not Error: the command line reports the failure itself; the log keeps the detail.
            logger.Information(error, "Failed {Operation} of {Urn} after {Elapsed}", StepText.Name(kind), urn.Value, elapsed);
        }
    }
}
