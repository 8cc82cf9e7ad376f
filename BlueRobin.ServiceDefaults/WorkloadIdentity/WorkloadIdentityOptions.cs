using System.ComponentModel.DataAnnotations;

namespace BlueRobin.ServiceDefaults.WorkloadIdentity;

/// <summary>
/// How a service proves its workload identity and whom it admits. Bound from the
/// <c>WorkloadIdentity</c> section, which the AppHost's <c>WithWorkloadIdentity()</c> fills.
/// </summary>
public sealed class WorkloadIdentityOptions : IValidatableObject
{
    public const string SectionName = "WorkloadIdentity";

    public WorkloadIdentityMode Mode { get; set; } = WorkloadIdentityMode.Off;

    /// <summary>The Kubernetes namespace of every BlueRobin workload.</summary>
    [Required, RegularExpression(DnsLabelPattern)]
    public string Namespace { get; set; } = WorkloadIdentityName.DefaultNamespace;

    /// <summary>PEM file with this service's leaf certificate (Mtls mode).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM file with the leaf certificate's private key (Mtls mode).</summary>
    public string? KeyPath { get; set; }

    /// <summary>PEM file with the trust anchor, the only root a peer may chain to.</summary>
    public string? TrustAnchorPath { get; set; }

    /// <summary>
    /// The ServiceAccounts allowed to call the service endpoint, e.g. <c>archives-api</c>.
    /// The AppHost derives them from who references this service.
    /// </summary>
    public List<string> AdmittedCallers { get; set; } = [];

    /// <summary>
    /// The port of the service endpoint that only admitted workloads reach. Without it the
    /// service keeps Kestrel's usual endpoints and checks no caller (a public edge).
    /// </summary>
    [Range(0, 65535)]
    public int? ServicePort { get; set; }

    /// <summary>The port that serves only the health and liveness probes, without TLS.</summary>
    [Range(0, 65535)]
    public int? HealthPort { get; set; }

    /// <summary>The address both listeners bind; loopback unless a container needs more.</summary>
    [Required]
    public string ListenAddress { get; set; } = "127.0.0.1";

    private const string DnsLabelPattern = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == WorkloadIdentityMode.Mtls)
        {
            foreach (var (path, name) in RequiredFiles())
            {
                if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
                {
                    yield return new ValidationResult(
                        $"{SectionName}:{name} must name an existing PEM file in Mtls mode.",
                        [name]);
                }
            }
        }

        if (ServicePort is not null && HealthPort is null)
        {
            yield return new ValidationResult(
                $"{SectionName}:HealthPort is required with {SectionName}:ServicePort: "
                + "probes must not need a workload identity.",
                [nameof(HealthPort)]);
        }

        if (!System.Net.IPAddress.TryParse(ListenAddress, out _))
        {
            yield return new ValidationResult(
                $"{SectionName}:ListenAddress must be an IP address.", [nameof(ListenAddress)]);
        }

        foreach (var caller in AdmittedCallers)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(caller, DnsLabelPattern))
            {
                yield return new ValidationResult(
                    $"{SectionName}:AdmittedCallers holds '{caller}', "
                    + "which is not a ServiceAccount name.",
                    [nameof(AdmittedCallers)]);
            }
        }
    }

    private IEnumerable<(string? Path, string Name)> RequiredFiles() =>
    [
        (CertificatePath, nameof(CertificatePath)),
        (KeyPath, nameof(KeyPath)),
        (TrustAnchorPath, nameof(TrustAnchorPath)),
    ];
}
