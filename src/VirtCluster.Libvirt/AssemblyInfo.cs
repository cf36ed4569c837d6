using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("VirtCluster.Libvirt.Tests")]
