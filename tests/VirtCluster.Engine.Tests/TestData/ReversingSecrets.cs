using System.Text;
using VirtCluster.Engine.Secrets;

namespace VirtCluster.Engine.Tests.TestData;

/// <summary>A stand-in secrets provider: base64 of the reversed text, so ciphertext never contains the plaintext.</summary>
internal sealed class ReversingSecrets : ISecretsProvider
{
    public int Encryptions { get; private set; }

    public string Encrypt(string plaintext)
    {
        Encryptions++;
        return "v1:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(new string([.. plaintext.Reverse()])));
    }

    public string Decrypt(string ciphertext) =>
        new([.. Encoding.UTF8.GetString(Convert.FromBase64String(ciphertext["v1:".Length..])).Reverse()]);
}
