namespace VirtCluster.Engine.Providers;

/// <summary>Maps resource types to the providers that serve them; an unknown type is a usage error up front.</summary>
public sealed class ProviderRegistry
{
    private readonly Dictionary<string, IResourceProvider> _byType = new(StringComparer.Ordinal);

    public ProviderRegistry(IEnumerable<IResourceProvider> providers)
    {
        foreach (var provider in providers)
        {
            if (!_byType.TryAdd(provider.Type, provider))
            {
                throw new ArgumentException($"two providers serve the resource type '{provider.Type}'", nameof(providers));
            }
        }
    }

    public IEnumerable<string> Types => _byType.Keys;

    public bool TryGet(string type, out IResourceProvider provider) => _byType.TryGetValue(type, out provider!);

    /// <summary>The provider for <paramref name="type"/>; the message names the type and what is registered.</summary>
    public IResourceProvider Get(string type) =>
        _byType.TryGetValue(type, out var provider)
            ? provider
            : throw new KeyNotFoundException(
                $"no provider serves resource type '{type}' (registered: {string.Join(", ", _byType.Keys.Order(StringComparer.Ordinal))})");
}
