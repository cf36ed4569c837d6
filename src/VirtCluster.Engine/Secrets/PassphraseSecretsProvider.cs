using System.Security.Cryptography;
using System.Text;
using VirtCluster.Engine.Config;

namespace VirtCluster.Engine.Secrets;

/// <summary>
/// Encrypts secret config values with a passphrase: AES-256-GCM (authenticated, so a changed value fails instead of
/// decrypting to garbage) under a PBKDF2-SHA256 key from <c>VIRTCLUSTER_CONFIG_PASSPHRASE</c> and the stack's salt.
/// Values are <c>v1:</c> + base64(nonce | ciphertext | tag) with a fresh 12-byte nonce each.
/// The stack's salt line <c>encryptionsalt: v1:SALT:v1:CHECK</c> also holds a known text encrypted with the key, so
/// that a wrong passphrase is told apart from an altered value. The passphrase is only needed (and the key only
/// derived) when a secret is actually encrypted or decrypted.
/// </summary>
public sealed class PassphraseSecretsProvider : ISecretsProvider
{
    public const string PassphraseVariable = "VIRTCLUSTER_CONFIG_PASSPHRASE";

    private const string Version = "v1:";
    private const int SaltBytes = 16;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const string CheckText = "virtcluster";

    private readonly string _stack;
    private readonly string? _passphrase;
    private readonly byte[] _salt;
    private readonly string? _check;
    private byte[]? _key;

    private PassphraseSecretsProvider(string stack, string? passphrase, byte[] salt, string? check)
    {
        _stack = stack;
        _passphrase = string.IsNullOrEmpty(passphrase) ? null : passphrase;
        _salt = salt;
        _check = check;
    }

    /// <summary>True when the stack file has no salt yet: whoever encrypts must write <see cref="EncryptionSalt"/> to it.</summary>
    public bool SaltIsNew => _check is null;

    /// <summary>The value of the stack file's <c>encryptionsalt:</c> line.</summary>
    public string EncryptionSalt => $"{Version}{Convert.ToBase64String(_salt)}:{_check ?? Seal(CheckText)}";

    /// <summary>The provider for a stack, with the passphrase from <c>VIRTCLUSTER_CONFIG_PASSPHRASE</c>.</summary>
    /// <summary>
    /// The stack's provider, created on first use: a stack without secrets never needs the passphrase, and a
    /// missing passphrase or salt is reported only when a secret must actually be read or written.
    /// </summary>
    public static ISecretsProvider Lazy(ProjectManifest project, string stack) =>
        new Cli.LazySecretsProvider(() => FromEnvironment(project, stack) is { SaltIsNew: false } provider
            ? provider
            : throw new ConfigException(
                $"{ProjectManifest.StackFileName(stack)} has no encryptionsalt yet, so secrets in state could not be read back later: "
                + "set a secret value first with 'config set KEY VALUE --secret', which creates it"));

    public static PassphraseSecretsProvider FromEnvironment(ProjectManifest project, string stack) =>
        ForStack(project, stack, Environment.GetEnvironmentVariable(PassphraseVariable));

    /// <summary>The provider for a stack with an explicit passphrase (null: fail when a secret is needed).</summary>
    public static PassphraseSecretsProvider ForStack(ProjectManifest project, string stack, string? passphrase)
    {
        var path = StackConfigLoader.ExistingStackFile(project, stack);
        var file = ProjectManifest.StackFileName(stack);
        if (StackFileSalt.Read(path, file) is not { } written)
        {
            return new PassphraseSecretsProvider(stack, passphrase, RandomNumberGenerator.GetBytes(SaltBytes), null);
        }

        var parts = written.Value.Split(':');
        byte[]? salt = null;
        if (parts is ["v1", var saltText, "v1", var check] && TryBase64(saltText, out salt) && salt.Length == SaltBytes)
        {
            return new PassphraseSecretsProvider(stack, passphrase, salt, Version + check);
        }

        throw new ConfigException(written.Location, "encryptionsalt", "is not a salt written by this tool (v1:SALT:v1:CHECK); restore it from version control, or remove it together with every secure value and set the secrets again");
    }

    public string Encrypt(string plaintext)
    {
        VerifyPassphrase();
        return Seal(plaintext);
    }

    public string Decrypt(string ciphertext)
    {
        VerifyPassphrase();
        return Open(ciphertext) ?? throw new ConfigException(
            $"cannot decrypt a secret of stack '{_stack}': it fails authentication, so it was altered or encrypted for another stack; set it again with 'config set KEY VALUE --secret'");
    }

    private void VerifyPassphrase()
    {
        if (_check is not null && Open(_check) != CheckText)
        {
            throw new ConfigException($"cannot decrypt the secrets of stack '{_stack}': wrong {PassphraseVariable}?");
        }
    }

    private string Seal(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key(), TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length));
        return Version + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The plaintext, or null when the value does not authenticate under this key.</summary>
    private string? Open(string ciphertext)
    {
        if (!ciphertext.StartsWith(Version, StringComparison.Ordinal)
            || !TryBase64(ciphertext[Version.Length..], out var sealedBytes)
            || sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new ConfigException($"a secret of stack '{_stack}' is not a value written by 'config set --secret' (expected v1:BASE64)");
        }

        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        using var aes = new AesGcm(Key(), TagBytes);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Encoding.UTF8.GetString(plain);
    }

    private byte[] Key()
    {
        if (_passphrase is null)
        {
            throw new ConfigException($"{PassphraseVariable} is not set: stack '{_stack}' uses secret config values; export {PassphraseVariable} with the stack's passphrase");
        }

        return _key ??= PassphraseKeyCache.KeyFor(_passphrase, _salt);
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        if (Convert.TryFromBase64String(text, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }
}
