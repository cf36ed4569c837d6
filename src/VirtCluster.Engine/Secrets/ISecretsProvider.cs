namespace VirtCluster.Engine.Secrets;

/// <summary>Encrypts secret config values at rest (stack files, state) and decrypts them for use.</summary>
public interface ISecretsProvider
{
    string Encrypt(string plaintext);

    string Decrypt(string ciphertext);
}
