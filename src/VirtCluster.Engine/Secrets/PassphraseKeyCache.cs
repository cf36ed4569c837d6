using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace VirtCluster.Engine.Secrets;

/// <summary>
/// Derives the AES key from passphrase and salt with PBKDF2-SHA256, once per process and salt: the derivation is
/// deliberately slow (it is what makes guessing passphrases expensive), so no run should pay it twice.
/// </summary>
internal static class PassphraseKeyCache
{
    /// <summary>
    /// PBKDF2-SHA256 iterations. 120 000 cost about 90-110 ms on this project's two-core build machine under load
    /// (60 ms idle); every CLI run that touches a secret pays it once, so it is kept under ~150 ms.
    /// </summary>
    public const int Iterations = 120_000;

    public const int KeyBytes = 32;

    private static readonly ConcurrentDictionary<(string Salt, string Passphrase), byte[]> Keys = new();

    public static byte[] KeyFor(string passphrase, byte[] salt) =>
        Keys.GetOrAdd(
            (Convert.ToBase64String(salt), passphrase),
            k => Rfc2898DeriveBytes.Pbkdf2(k.Passphrase, salt, Iterations, HashAlgorithmName.SHA256, KeyBytes));
}
