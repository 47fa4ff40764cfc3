using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.HumanTasks.Forms;
using LowCodeErp.Web.Forms;

namespace LowCodeErp.Web.Tests;

/// <summary>The form schema becomes field models; what the page submits is what the task service accepts.</summary>
public sealed class TaskFormTests
{
    // The review form of workflows/human-tasks/lease-approval.json, its expression default evaluated (as the task stores it).
    private static readonly JsonElement LeaseForm = LeaseReviewForm(financedAmountDefault: 125000m);

    [Fact]
    public void FromSchema_Should_ReadEveryFieldTypeWithItsRules()
    {
        var form = TaskForm.FromSchema(LeaseForm);

        form.Fields.Select(f => (f.Name, f.Type)).Should().Equal(
            ("riskScore", "number"), ("financedAmount", "money"), ("rating", "select"), ("contractStart", "date"),
            ("checkedRegister", "checkbox"), ("notes", "textarea"), ("taxId", "text"), ("scoringReport", "file"));
        var risk = form.Fields[0];
        (risk.Label, risk.Required, risk.Min, risk.Max).Should().Be(("Risk score", true, 1m, 10m));
        form.Fields[2].Options.Select(o => o.Value).Should().Equal("A", "B", "C");
        form.Fields[5].MaxLength.Should().Be(2000);
        form.Fields[6].Pattern.Should().Be("DE[0-9]{9}");
    }

    [Fact]
    public void FromSchema_Should_FillDefaults_AndACompletedTasksDataWinsOverThem()
    {
        TaskForm.FromSchema(LeaseForm).Fields[1].Number.Should().Be(125000m);

        var completed = JsonSerializer.SerializeToElement(new { financedAmount = 99000.5m, rating = "B", contractStart = "2027-01-15", checkedRegister = true });
        var form = TaskForm.FromSchema(LeaseForm, completed);

        form.Fields[1].Number.Should().Be(99000.5m);
        form.Fields[2].Text.Should().Be("B");
        form.Fields[3].Date.Should().Be(new DateTime(2027, 1, 15));
        form.Fields[4].Checked.Should().BeTrue();
    }

    [Fact]
    public void FromSchema_Should_ReadOptionObjects_AndSkipFieldsWithoutAName()
    {
        var schema = JsonSerializer.SerializeToElement(new
        {
            fields = new object[]
            {
                new { name = "size", type = "select", options = new object[] { new { value = "s", label = "Small" }, new { value = "l", label = "Large" } } },
                new { label = "nameless" },
            },
        });

        var form = TaskForm.FromSchema(schema);

        form.Fields.Should().ContainSingle();
        form.Fields[0].Options.Should().Equal(new FormOption("s", "Small"), new FormOption("l", "Large"));
    }

    [Fact]
    public void ToData_Should_WriteEachTypeAsTheTaskServiceReadsIt_AndTheServiceAcceptsIt()
    {
        var form = Filled();

        var data = form.ToData();

        data.GetProperty("riskScore").GetDecimal().Should().Be(3m);
        data.GetProperty("contractStart").GetString().Should().Be("2027-01-15");
        data.GetProperty("checkedRegister").GetBoolean().Should().BeTrue();
        data.TryGetProperty("scoringReport", out _).Should().BeFalse("empty fields are left out");
        form.Validate().Should().BeTrue();
        FormValidator.Validate(JsonNode.Parse(LeaseForm.GetRawText())!.AsObject(), data, out _).Should().BeEmpty();
    }

    [Theory]
    [InlineData("riskScore", "must be at most 10.")]
    [InlineData("riskScore-low", "must be at least 1.")]
    [InlineData("financedAmount", "must have at most 2 decimals.")]
    [InlineData("rating", "is required.")]
    [InlineData("checkedRegister", "must be checked.")]
    [InlineData("taxId", "must match DE[0-9]{9}.")]
    [InlineData("notes", "must have at most 2000 characters.")]
    public void Validate_Should_RefuseWhatTheTaskServiceRefuses_WithTheSameMessage(string breach, string message)
    {
        var form = Filled();
        var field = Break(form, breach);

        form.Validate().Should().BeFalse();
        field.Error.Should().Be(message);

        // The server, given the same data, names the same field with the same message.
        var server = FormValidator.Validate(JsonNode.Parse(LeaseForm.GetRawText())!.AsObject(), form.ToData(), out _);
        server.Should().ContainKey($"data.{field.Name}").WhoseValue.Should().Equal(message);
    }

    [Fact]
    public void ApplyServerErrors_Should_PutFieldErrorsOnTheirFields_AndReturnTheRest()
    {
        var form = Filled();
        var errors = new Dictionary<string, string[]>
        {
            ["data.taxId"] = ["must match DE[0-9]{9}."],
            ["comment"] = ["is required for Reject."],
            ["data.unknown"] = ["is not a field of this form."],
        };

        var rest = form.ApplyServerErrors(errors);

        form.Fields.Single(f => f.Name == "taxId").Error.Should().Be("must match DE[0-9]{9}.");
        form.Fields.Where(f => f.Name != "taxId").Should().OnlyContain(f => f.Error == null);
        rest.Should().BeEquivalentTo(new Dictionary<string, string> { ["comment"] = "is required for Reject.", ["data.unknown"] = "is not a field of this form." });
    }

    private static TaskForm Filled()
    {
        var form = TaskForm.FromSchema(LeaseForm);
        var fields = form.Fields.ToDictionary(f => f.Name);
        fields["riskScore"].Number = 3;
        fields["rating"].Text = "A";
        fields["contractStart"].Date = new DateTime(2027, 1, 15);
        fields["checkedRegister"].Checked = true;
        fields["notes"].Text = "ok";
        fields["taxId"].Text = "DE123456789";
        return form;
    }

    private static FormFieldModel Break(TaskForm form, string breach)
    {
        var fields = form.Fields.ToDictionary(f => f.Name);
        switch (breach)
        {
            case "riskScore": fields["riskScore"].Number = 11; return fields["riskScore"];
            case "riskScore-low": fields["riskScore"].Number = 0; return fields["riskScore"];
            case "financedAmount": fields["financedAmount"].Number = 10.005m; return fields["financedAmount"];
            case "rating": fields["rating"].Text = null; return fields["rating"];
            case "checkedRegister": fields["checkedRegister"].Checked = false; return fields["checkedRegister"];
            case "taxId": fields["taxId"].Text = "XX1"; return fields["taxId"];
            default: fields["notes"].Text = new string('x', 2001); return fields["notes"];
        }
    }

    private static JsonElement LeaseReviewForm(decimal financedAmountDefault)
    {
        var flow = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Flows", "lease-approval.json")))!;
        var review = flow["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.ToString() == "review")!;
        var form = JsonNode.Parse(review["form"]!["expression"]!["value"]!.ToString())!;
        form["fields"]!.AsArray().Single(f => f!["name"]!.ToString() == "financedAmount")!["default"] = financedAmountDefault;
        return JsonSerializer.SerializeToElement(form);
    }
}
