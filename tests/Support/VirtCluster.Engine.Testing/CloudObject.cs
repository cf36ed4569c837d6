using System.Text.Json.Nodes;

namespace VirtCluster.Engine.Testing;

/// <summary>One object living in an <see cref="InMemoryCloud"/>: what a real provider would find on a host.</summary>
public sealed record CloudObject(string Id, string Urn, string Type, JsonObject Inputs, JsonObject Outputs);
