namespace VirtCluster.Bench.Suites;

/// <summary>Settings of the <c>regex</c> parser for an application that prints its own figure of merit.</summary>
/// <param name="Pattern">.NET regular expression with a named group <c>value</c>.</param>
/// <param name="Metric">Sample name to give the matches.</param>
/// <param name="Unit">Unit of the converted value (one of the <see cref="Model.Units"/>).</param>
/// <param name="Factor">Multiplier from the printed unit to <paramref name="Unit"/>, e.g. 60 for minutes to seconds.</param>
public sealed record PatternSpec(string Pattern, string Metric, string Unit, double Factor);
