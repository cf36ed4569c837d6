using VirtCluster.Images;

namespace VirtCluster.Lab;

/// <summary>Where lab mode keeps its state, its keys and its images, and the cluster's names for /etc/hosts.</summary>
public sealed record LabContext(string StateDirectory, StackKeys Keys, ImageCache Images, IReadOnlyDictionary<string, System.Net.IPAddress> Peers);
