namespace VirtCluster.Engine.Config;

/// <summary>Where a configuration value was written, so every error can point at it.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
