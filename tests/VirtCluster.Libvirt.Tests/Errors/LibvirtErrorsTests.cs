namespace VirtCluster.Libvirt.Tests.Errors;

[Collection(GlobalStateCollection.Name)]
public sealed class LibvirtErrorsTests
{
    [Fact]
    public void TheHandlerReceivesLibvirtsErrorOnTheCallingThread()
    {
        var received = new List<(LibvirtErrorInfo Error, int Thread)>();
        LibvirtErrors.Handler = error => received.Add((error, Environment.CurrentManagedThreadId));
        try
        {
            using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);

            var thrown = Assert.Throws<LibvirtNotFoundException>(() => connection.LookupNetwork("absent"));

            var (error, thread) = Assert.Single(received);
            Assert.Equal(thrown.Error, error);
            Assert.Equal(LibvirtErrorLevel.Error, error.Level);
            Assert.Equal(Environment.CurrentManagedThreadId, thread);
        }
        finally
        {
            LibvirtErrors.Handler = null;
        }
    }

    [Fact]
    public void AThrowingHandlerDoesNotReplaceTheTypedException()
    {
        LibvirtErrors.Handler = _ => throw new InvalidOperationException("logger broke");
        try
        {
            using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);

            var thrown = Assert.Throws<LibvirtNotFoundException>(() => connection.LookupDomain("absent"));

            Assert.Equal(42, thrown.Code);
        }
        finally
        {
            LibvirtErrors.Handler = null;
        }
    }
}
