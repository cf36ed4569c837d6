namespace VirtCluster.Bench.Results;

/// <summary>
/// The results of one benchmark-stage execution: what ran where, how it went and what it measured.
/// Its JSON form is described by <c>schemas/results.schema.json</c> so other tools can read it.
/// </summary>
/// <param name="SchemaVersion">Version of the results format; readers refuse versions they do not know.</param>
/// <param name="RunId">Identifies the execution; samples carry it in their metadata.</param>
/// <param name="Created">When the execution started.</param>
/// <param name="Suite">Name of the suite that was run.</param>
/// <param name="Environments">Every environment runs refer to, with its fingerprint.</param>
/// <param name="Runs">All runs, ok and failed.</param>
public sealed record ResultsFile(
    int SchemaVersion,
    string RunId,
    DateTimeOffset Created,
    string Suite,
    IReadOnlyList<EnvironmentFingerprint> Environments,
    IReadOnlyList<RunRecord> Runs)
{
    /// <summary>The format version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;
}
