namespace VirtCluster.Report;

/// <summary>What the report says about two runs that use the same environment name.</summary>
/// <param name="Text">The sentence shown.</param>
/// <param name="Matching">True when the fingerprints are identical (differences are noise); false when they differ (a warning).</param>
public sealed record FingerprintNote(string Text, bool Matching);
