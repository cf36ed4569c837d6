namespace VirtCluster.Report;

/// <summary>A results file the report was made from, so a reader can find it again.</summary>
public sealed record ReportSource(string RunId, DateTimeOffset Created, string Suite);
