"""``acupath screen PATIENT`` and ``acupath plan PATIENT``: thin wrappers over acupath.care."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from acupath.commands._output import print_json
from acupath.errors import InputError

FORMATS = ("text", "markdown", "json")


def register(app: typer.Typer) -> None:
    """Add the ``screen`` and ``plan`` commands."""

    @app.command("screen")
    def screen_command(
        patient: Annotated[Path, typer.Argument(help="Intake file (YAML or JSON).")],
        json_out: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
        markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown.")] = False,
        policy: Annotated[
            Path | None,
            typer.Option("--policy", help="Clinic policy file overriding the default thresholds."),
        ] = None,
    ) -> None:
        """Screen a patient for red flags, contraindications and cautions before acupuncture."""
        from acupath.care.intake import read_intake
        from acupath.care.policy import load_policy
        from acupath.care.report import render_screen
        from acupath.care.screening import screen

        intake = read_intake(patient)
        result = screen(intake, policy=load_policy(policy))
        if json_out:
            print_json(result.as_dict())
        else:
            sys.stdout.write(render_screen(result, markdown=markdown))

    @app.command("plan")
    def plan_command(
        patient: Annotated[Path, typer.Argument(help="Intake file (YAML or JSON).")],
        condition: Annotated[
            str | None,
            typer.Option("--condition", help="Which of the intake's conditions to plan for."),
        ] = None,
        protocol: Annotated[
            str | None, typer.Option("--protocol", help="Use this protocol id.")
        ] = None,
        output_format: Annotated[
            str, typer.Option("--format", help="text, markdown or json.")
        ] = "text",
        json_out: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
        policy: Annotated[
            Path | None,
            typer.Option("--policy", help="Clinic policy file overriding the default thresholds."),
        ] = None,
    ) -> None:
        """Screen a patient, then propose a course from a published trial protocol."""
        from acupath.care.intake import read_intake
        from acupath.care.planning import plan
        from acupath.care.policy import load_policy
        from acupath.care.report import render_plan

        fmt = "json" if json_out else output_format.strip().lower()
        if fmt not in FORMATS:
            raise InputError.invalid("--format", output_format, "one of " + ", ".join(FORMATS))
        intake = read_intake(patient)
        result = plan(intake, condition=condition, protocol=protocol, policy=load_policy(policy))
        if fmt == "json":
            print_json(result.as_dict())
        else:
            sys.stdout.write(render_plan(result, markdown=fmt == "markdown"))
