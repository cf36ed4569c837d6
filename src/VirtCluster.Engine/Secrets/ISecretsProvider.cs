namespace VirtCluster.Engine.Secrets;

/// <summary>
/// Encrypts secret values before they are written to state or stack files, so that nothing secret is kept in
/// plaintext at rest. The engine depends only on this interface; the passphrase-based implementation lives
/// beside it.
/// </summary>
public interface ISecretsProvider
{
    string Encrypt(string plaintext);

    string Decrypt(string ciphertext);
}
