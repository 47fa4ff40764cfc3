using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.HumanTasks.Forms;
using LowCodeErp.Web.Forms;

namespace LowCodeErp.Web.Tests;

/// <summary>The form schema becomes field models; what the page checks and submits is what the task service decides.</summary>
public sealed class TaskFormTests
{
    // The review form of workflows/human-tasks/lease-approval.json, its expression default evaluated (as the task stores it).
    private static readonly JsonElement LeaseForm = LeaseReviewForm(financedAmountDefault: 125000m);

    [Fact]
    public void FromSchema_Should_ReadEveryFieldTypeWithItsDefinition()
    {
        var form = TaskForm.FromSchema(LeaseForm);

        form.Fields.Select(f => (f.Name, f.Type)).Should().Equal(
            ("riskScore", "number"), ("financedAmount", "money"), ("rating", "select"), ("contractStart", "date"),
            ("checkedRegister", "checkbox"), ("notes", "textarea"), ("taxId", "text"), ("scoringReport", "file"));
        var risk = form.Fields[0];
        (risk.Label, risk.Required).Should().Be(("Risk score", true));
        risk.Definition["max"]!.GetValue<int>().Should().Be(10);
        form.Fields[2].Options.Select(o => o.Value).Should().Equal("A", "B", "C");
        form.Fields[5].MaxLength.Should().Be(2000);
        form.Fields[6].Pattern.Should().Be("DE[0-9]{9}");
    }

    [Fact]
    public void FromSchema_Should_FillDefaults_AndACompletedTasksDataWinsOverThem()
    {
        TaskForm.FromSchema(LeaseForm).Fields[1].Text.Should().Be("125000.00");

        var completed = JsonSerializer.SerializeToElement(new { financedAmount = 99000.5m, rating = "B", contractStart = "2027-01-15", checkedRegister = true });
        var form = TaskForm.FromSchema(LeaseForm, completed);

        form.Fields[1].Text.Should().Be("99000.50");
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
        data.GetProperty("financedAmount").GetDecimal().Should().Be(125000m);
        data.GetProperty("contractStart").GetString().Should().Be("2027-01-15");
        data.GetProperty("checkedRegister").GetBoolean().Should().BeTrue();
        data.GetProperty("scoringReport").ValueKind.Should().Be(JsonValueKind.Null, "an empty field is sent as cleared");
        form.Fields.Select(f => f.Validate()).Should().OnlyContain(error => error == null);
        FormValidator.Validate(Schema(LeaseForm), data, out _).Should().BeEmpty();
    }

    [Theory]
    [InlineData("riskScore", "12", "must be at most 10.")]
    [InlineData("riskScore", "0", "must be at least 1.")]
    [InlineData("riskScore", "twelve", "must be a number.")]
    [InlineData("riskScore", "1,5", "must be a number.")]
    [InlineData("financedAmount", "10.005", "must have at most 2 decimals.")]
    [InlineData("financedAmount", "", "is required.")]
    [InlineData("rating", null, "is required.")]
    [InlineData("checkedRegister", "false", "must be checked.")]
    [InlineData("taxId", "XX1", "must match DE[0-9]{9}.")]
    [InlineData("notes", "2001 x", "must have at most 2000 characters.")]
    public void Validate_Should_RefuseWhatTheTaskServiceRefuses_WithTheSameMessage(string name, string? input, string message)
    {
        var form = Filled();
        var field = Enter(form, name, input == "2001 x" ? new string('x', 2001) : input);

        field.Validate().Should().Be(message);

        // The service, given what the page submits, names the same field with the same message.
        var server = FormValidator.Validate(Schema(LeaseForm), form.ToData(), out _);
        server.Should().ContainKey($"data.{name}").WhoseValue.Should().Equal(message);
    }

    /// <summary>
    /// Every field type and bound, good and bad values: the page's check of each field and the service's answer for the
    /// submitted data agree value for value (including those the two used to word differently: dates, bad patterns).
    /// </summary>
    [Theory]
    [InlineData("day", "2025-12-31")]
    [InlineData("day", "2026-01-01")]
    [InlineData("day", "2027-01-01")]
    [InlineData("day", "2026-07-01")]
    [InlineData("code", "abc")]
    [InlineData("code", "ABCD")]
    [InlineData("code", "AB")]
    [InlineData("broken", "anything")]
    [InlineData("amount", "-1")]
    [InlineData("amount", " 7.5 ")]
    [InlineData("amount", "")]
    [InlineData("kind", "bike")]
    public void PageAndService_Should_AgreeOnEveryValue(string name, string input)
    {
        // Written as the task stores it: a form from before FormSchema refused bad patterns still has to answer the same.
        var schema = JsonSerializer.SerializeToElement(JsonNode.Parse("""
            {"fields":[
              {"name":"day","type":"date","min":"2026-01-01","max":"2026-12-31"},
              {"name":"code","type":"text","pattern":"[A-Z]{3}","minLength":3},
              {"name":"broken","type":"text","pattern":"([A-Z"},
              {"name":"amount","type":"money","min":0,"required":true,"default":5},
              {"name":"kind","type":"select","options":[{"value":"car","label":"Car"},"truck"]}
            ]}
            """));
        var form = TaskForm.FromSchema(schema);
        var field = Enter(form, name, input);

        var page = field.Validate();

        var server = FormValidator.Validate(Schema(schema), form.ToData(), out _);
        server.GetValueOrDefault($"data.{name}")?.Single().Should().Be(page);
        (page is null).Should().Be(!server.ContainsKey($"data.{name}"));
    }

    [Fact]
    public void Check_Should_AnswerForTheValueMudBlazorValidates_WithoutChangingTheField()
    {
        var risk = Filled().Fields[0];

        risk.Check("12").Should().Be("must be at most 10.");
        risk.Check("7").Should().BeNull();
        risk.Text.Should().Be("3");
        risk.Error.Should().BeNull();
    }

    [Fact]
    public void ApplyServerErrors_Should_PutFieldErrorsOnTheirFields_ClearTheOthers_AndReturnTheRest()
    {
        var form = Filled();
        form.Fields.Single(f => f.Name == "notes").Error = "an earlier message";
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
        fields["riskScore"].Text = "3";
        fields["rating"].Text = "A";
        fields["contractStart"].Date = new DateTime(2027, 1, 15);
        fields["checkedRegister"].Checked = true;
        fields["notes"].Text = "ok";
        fields["taxId"].Text = "DE123456789";
        return form;
    }

    /// <summary>Puts what a user entered into a field: text as typed, a date as picked, a checkbox as true/false.</summary>
    private static FormFieldModel Enter(TaskForm form, string name, string? input)
    {
        var field = form.Fields.Single(f => f.Name == name);
        switch (field.Type)
        {
            case "date":
                field.Date = input is null ? null : DateTime.Parse(input, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "checkbox":
                field.Checked = input == "true";
                break;
            default:
                field.Text = input;
                break;
        }

        return field;
    }

    private static JsonObject Schema(JsonElement form) => JsonNode.Parse(form.GetRawText())!.AsObject();

    private static JsonElement LeaseReviewForm(decimal financedAmountDefault)
    {
        var flow = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Flows", "lease-approval.json")))!;
        var review = flow["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.ToString() == "review")!;
        var form = JsonNode.Parse(review["form"]!["expression"]!["value"]!.ToString())!;
        form["fields"]!.AsArray().Single(f => f!["name"]!.ToString() == "financedAmount")!["default"] = financedAmountDefault;
        return JsonSerializer.SerializeToElement(form);
    }
}
