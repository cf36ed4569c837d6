namespace VirtCluster.Tests.Setup;

/// <summary>A program the tool, its tests or its scripts start, and the Debian package that ships it.</summary>
/// <param name="Name">The name it is started by, looked up on PATH.</param>
/// <param name="Package">The Debian package that ships it; what the fix names when it is missing.</param>
/// <param name="RunBy">Who starts it, so that the entry can be checked against the code.</param>
internal sealed record ExternalProgram(string Name, string Package, string RunBy);

/// <summary>A program built from the project's own source, not installed from a Debian package.</summary>
/// <param name="Path">Where it is installed, on this machine and in the nodes alike (suites name it by this path).</param>
/// <param name="Source">Its source file, relative to the repository.</param>
/// <param name="RunBy">Who starts it.</param>
internal sealed record BuiltProgram(string Path, string Source, string RunBy);

/// <summary>
/// Every external program VirtCluster runs, pinned by hand from the code (src, infra, tests, benchmarks, scripts,
/// suites, images). A new program start that is not here fails <see cref="ProgramStartScannerTests"/>; a program
/// here whose package a fresh machine would lack fails <see cref="SetupCompletenessTests"/>.
/// </summary>
internal static class ExternalPrograms
{
    /// <summary>Run on this machine: scripts/setup must provide each (scripts/packages.txt).</summary>
    public static readonly ExternalProgram[] OnThisMachine =
    [
        new("virsh", "libvirt-clients", "tests: libvirt's test driver and the lab's daemon (Support/Virsh.cs, LabEnvironmentTests)"),
        new("virt-xml-validate", "libvirt-clients", "tests: generated XML against libvirt's schemas (Support/Virsh.cs)"),
        new("xmllint", "libxml2-utils", "virt-xml-validate, which is a script around it"),
        new("virt-host-validate", "libvirt-clients", "host probe of this machine in lab mode (ShellHostProbe)"),
        new("libvirtd", "libvirt-daemon", "the lab's private daemon (LabEnvironment's daemon script)"),
        new("qemu-system-x86_64", "qemu-system-x86", "libvirtd, for every node"),
        new("dnsmasq", "dnsmasq-base", "libvirtd, for the lab network's DHCP and DNS"),
        new("iptables", "iptables", "libvirtd, for the firewall rules of the lab network"),
        new("ip6tables", "iptables", "libvirtd, for the firewall rules of the lab network"),
        new("ssh", "openssh-client", "libvirt's qemu+ssh:// transport to real hosts (agc16 stack)"),
        new("ssh-keygen", "openssh-client", "stack keys (SshKeyPair); tests' throwaway keys (SshdServer, KeyFiles)"),
        new("sshd", "openssh-server", "tests: a real sshd on loopback and in namespaces (SshdServer)"),
        new("mmdebstrap", "mmdebstrap", "image build: the root file system (ImageBuilder)"),
        new("mkfs.ext4", "e2fsprogs", "image build: the disk (ImageBuilder)"),
        new("debugfs", "e2fsprogs", "tests: reading files out of a built image's disk (Images/RawCopy)"),
        new("qemu-img", "qemu-utils", "image build: raw to qcow2 (ImageBuilder)"),
        new("systemctl", "systemd", "image build: enable and mask units with --root (RootfsCustomizer)"),
        new("chroot", "coreutils", "image build: build steps inside the image's root (RootfsBuild), InitramfsHooks"),
        new("mpicc", "openmpi-bin", "scripts/setup builds vc-pingpong and vc-jacobi; tests compile them (Support/MpiSourceBuild); mpi.h comes from libopenmpi-dev"),
        new("gcc", "gcc", "mpicc, which compiles with it"),
        new("cmp", "diffutils", "scripts/setup: is the installed vc-pingpong (vc-jacobi) the one the source builds?"),
        new("install", "coreutils", "scripts/setup: vc-pingpong and vc-jacobi into /usr/local/bin"),
        new("ip", "iproute2", "network namespaces (Linux/NetworkNamespace, LabHost/LabEnvironment); tests (TestNetworkNamespace, SshdServer)"),
        new("mount", "mount", "bind mounts of the lab's daemon; tests' small tmpfs (SmallFileSystem)"),
        new("umount", "mount", "tests: SmallFileSystem"),
        new("mpirun", "openmpi-bin", "benchmark runs on this machine as bare metal (MpiLaunch, LocalTarget)"),
        new("NPopenmpi", "netpipe-openmpi", "suites/debian.yaml on this machine as bare metal"),
        new("hpcc", "hpcc", "suites/debian.yaml on this machine as bare metal"),
        new("sh", "dash", "scripts run with sh -c (BinaryCheck, TargetFacts, ShellHostProbe); tests"),
        new("cat", "coreutils", "host probe (ShellHostProbe); firmware script (TargetFacts); tests over loopback SSH"),
        new("ls", "coreutils", "host probe (ShellHostProbe)"),
        new("grep", "grep", "host probe (ShellHostProbe); scripts/setup"),
        new("id", "coreutils", "benchmark runner's target facts (TargetFacts)"),
        new("uname", "coreutils", "benchmark runner's target facts (TargetFacts)"),
        new("nproc", "coreutils", "benchmark runner's target facts: CPUs for the rankfile (TargetFacts)"),
        new("mkdir", "coreutils", "benchmark runs' working folders (SingleRun)"),
        new("rm", "coreutils", "benchmark runs' working folders (SingleRun); scripts"),
        new("kill", "procps", "tests: LabEnvironmentTests, LabFaultTests"),
        new("pgrep", "procps", "tests: SshRunnerStopTests, ImageBuilderTests"),
        new("setpriv", "util-linux", "tests: LabEnvironmentTests"),
        new("stat", "coreutils", "tests: NamespaceTcpForwarderTests, SshRunnerFileTests"),
        new("readlink", "coreutils", "tests: NamespaceTcpForwarderTests"),
        new("hostname", "hostname", "tests: NamespaceTcpForwarderTests"),
        new("echo", "coreutils", "tests over loopback SSH (exec echo)"),
        new("printf", "coreutils", "tests over loopback SSH and LocalTargetTests"),
        new("true", "coreutils", "tests: FileStateStoreTests, SSH tests"),
        new("false", "coreutils", "tests: the failing suite (SmallSuites)"),
        new("sleep", "coreutils", "tests: the failing suite (SmallSuites), timeouts (ShellHostProbeTests, SshRunnerStopTests)"),
        new("seq", "coreutils", "tests: SshRunnerCommandTests, SshRunnerFileTests, HostCommandTests"),
        new("head", "coreutils", "tests: SshRunnerStopTests"),
        new("tr", "coreutils", "tests: SshRunnerStopTests"),
        new("git", "git", "tests: the README's main command runs in a copy of the files git tracks (ReadmeMainJobTests)"),
        new("bash", "bash", "scripts (virtcluster, scripts/setup, scripts/test, scripts/count-tests); the lab daemons' start (closing every inherited descriptor, which dash cannot above 9)"),
        new("awk", "mawk", "scripts/count-tests"),
        new("tee", "coreutils", "scripts/test"),
        new("mktemp", "coreutils", "scripts/test, scripts/setup"),
        new("dirname", "coreutils", "scripts, to find the repository"),
        new("find", "findutils", "the virtcluster launcher (are sources newer than the build?)"),
        new("chmod", "coreutils", "scripts/setup"),
        new("dpkg-query", "dpkg", "scripts/setup; these tests"),
        new("dpkg", "dpkg", "these tests (dpkg -S)"),
        new("apt-get", "apt", "scripts/setup"),
        new("apt-cache", "apt", "these tests (apt-cache depends)"),
    ];

    /// <summary>
    /// Run on this machine when present: the host probe reports their absence as an unknown fact (firmware
    /// version, vfio module), which lab mode does not need. Real hosts are probed over SSH.
    /// </summary>
    public static readonly ExternalProgram[] OptionalOnThisMachine =
    [
        new("lsmod", "kmod", "host probe: is vfio_pci loaded (ShellHostProbe)"),
        new("ibv_devinfo", "ibverbs-utils", "host probe: HCA firmware version (ShellHostProbe)"),
        new("mstflint", "mstflint", "host probe: HCA firmware version, only with an HCA address (ShellHostProbe)"),
    ];

    /// <summary>
    /// Run inside the nodes (over SSH, by mpirun, at first boot): images/hpc-node.yaml must provide each, directly or
    /// as part of minbase, which is the Essential set.
    /// </summary>
    public static readonly ExternalProgram[] OnNodes =
    [
        new("sshd", "openssh-server", "the tool's SSH to every node"),
        new("update-initramfs", "initramfs-tools", "image build, inside the image's root: the initrd, made once (InitramfsHooks)"),
        new("ssh", "openssh-client", "mpirun, to start ranks on the other nodes; SshTarget, to make the programs' folder on them"),
        new("scp", "openssh-client", "SshTarget, to copy a program the user supplies from the first node to the others"),
        new("ssh-keygen", "openssh-client", "images/files/virtcluster-firstboot (the node's host key)"),
        new("mpirun", "openmpi-bin", "the benchmark stage (SingleRun, BinaryCheck, TargetFacts)"),
        new("NPopenmpi", "netpipe-openmpi", "suites/debian.yaml"),
        new("hpcc", "hpcc", "suites/debian.yaml"),
        new("sh", "dash", "BinaryCheck, TargetFacts, images/files/virtcluster-firstboot"),
        new("hostname", "hostname", "SshNodeReadiness; images/files/virtcluster-firstboot"),
        new("test", "coreutils", "ClusterAccessProvider"),
        new("env", "coreutils", "SshTarget (env -C FOLDER); image build steps (RootfsBuild: env -i -C FOLDER)"),
        new("mpicc", "openmpi-bin", "image build steps vc-pingpong and vc-jacobi in images/hpc-node.yaml (mpi.h from libopenmpi-dev)"),
        new("gcc", "gcc", "mpicc, in the image build steps vc-pingpong and vc-jacobi"),
        new("apt-get", "apt", "image build step remove-build-tools in images/hpc-node.yaml"),
        new("mkdir", "coreutils", "SingleRun, SshTarget"),
        new("rm", "coreutils", "SingleRun; images/files/virtcluster-firstboot"),
        new("cat", "coreutils", "TargetFacts; images/files/virtcluster-firstboot"),
        new("id", "coreutils", "TargetFacts"),
        new("uname", "coreutils", "TargetFacts"),
        new("nproc", "coreutils", "TargetFacts"),
        new("mktemp", "coreutils", "images/files/virtcluster-firstboot"),
        new("base64", "coreutils", "images/files/virtcluster-firstboot"),
        new("install", "coreutils", "images/files/virtcluster-firstboot"),
        new("cut", "coreutils", "images/files/virtcluster-firstboot"),
    ];

    /// <summary>
    /// Built from the project's source with the machine's mpicc: in the nodes by a build step of images/hpc-node.yaml, on
    /// this machine by scripts/setup, at the same path, so that a suite names one path for both.
    /// </summary>
    public static readonly BuiltProgram[] BuiltFromSource =
    [
        new("/usr/local/bin/vc-pingpong", "images/src/mpi-pingpong/pingpong.c", "suites/debian.yaml (pingpong), in the nodes and on this machine as bare metal"),
        new("/usr/local/bin/vc-jacobi", "images/src/mpi-jacobi/jacobi.c", "suites/debian.yaml (jacobi), in the nodes and on this machine as bare metal"),
    ];

    /// <summary>Installed before scripts/setup can run, not by it: the .NET SDK.</summary>
    public static readonly string[] Prerequisites = ["dotnet"];

    /// <summary>Names tests start on purpose to see a missing program handled; never meant to exist.</summary>
    public static readonly string[] DeliberatelyMissing =
        ["virtcluster-no-such-program", "no-such-program-here", "/nonexistent/program", "/opt/absent/mpirun"];

    /// <summary>Every name the code may start.</summary>
    public static IReadOnlySet<string> AllNames { get; } =
        OnThisMachine.Concat(OptionalOnThisMachine).Concat(OnNodes).Select(p => p.Name)
            .Concat(BuiltFromSource.Select(p => p.Path)).Concat(Prerequisites).Concat(DeliberatelyMissing).ToHashSet(StringComparer.Ordinal);
}
