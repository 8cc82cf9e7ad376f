using BlueRobin.ServiceDefaults.WorkloadIdentity;
using Microsoft.Extensions.Options;

namespace BlueRobin.ServiceDefaults.Tests.WorkloadIdentity;

public sealed class WorkloadIdentityOptionsTests
{
    [Fact]
    public async Task MtlsModeWithoutCertificateFilesStopsStartUpNamingTheSetting()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            WorkloadServer.StartAsync(WorkloadIdentityMode.Mtls, new TestTokens()));

        Assert.Contains("WorkloadIdentity:CertificatePath", failure.Message);
    }
}
