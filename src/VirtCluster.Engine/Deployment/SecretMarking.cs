using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.Deployment;

/// <summary>
/// Providers return plaintext. An output (or a read-back input) whose top-level property was secret in the
/// recorded inputs stays secret, so a secret cannot leak through a provider that echoes its inputs.
/// </summary>
internal static class SecretMarking
{
    public static JsonObject Carry(JsonObject markedInputs, JsonObject plain)
    {
        var result = new JsonObject();
        foreach (var (key, value) in plain)
        {
            var secret = SecretValue.ContainsSecret(markedInputs[key]) && !SecretValue.ContainsSecret(value);
            result[key] = secret ? SecretValue.Wrap(value) : value?.DeepClone();
        }

        return result;
    }
}
