using VirtCluster.Engine.Secrets;

namespace VirtCluster.Engine.Cli;

/// <summary>
/// Creates the real secrets provider on first use, so a stack without secrets never needs the passphrase, and a
/// missing passphrase is reported only when a secret must actually be read or written.
/// </summary>
internal sealed class LazySecretsProvider(Func<ISecretsProvider> create) : ISecretsProvider
{
    private readonly Lazy<ISecretsProvider> _inner = new(create);

    public string Encrypt(string plaintext) => _inner.Value.Encrypt(plaintext);

    public string Decrypt(string ciphertext) => _inner.Value.Decrypt(ciphertext);
}
