using System.Text.Json.Nodes;
using Json.Schema;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Bench.Runners;

/// <summary>Validates results files against the published schema, with readable errors.</summary>
internal static class ResultsSchema
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(TestPaths.RepoRoot, "schemas", "results.schema.json"));

    public static void AssertValid(string path)
    {
        var evaluation = Schema.Evaluate(JsonNode.Parse(File.ReadAllText(path)), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, string.Join("\n", evaluation.Details.Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))));
    }
}
