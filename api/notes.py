"""Internal notes over the API: GET|POST /api/v1/{requests|objections|complaints}/{id}/notes/. The case is found
through the same visibility selector as its resource's detail; then only the staff who see it as staff go on
(`casenotes.selectors.may_see_notes`). Everyone else, the requester or reporter included, gets 404."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from casenotes.models import CaseNote
from casenotes.selectors import may_see_notes, notes_for
from casenotes.services import note_add
from complaints.selectors import complaints_visible_to
from ppid.selectors import objections_visible_to, requests_visible_to

from .resources import ERRORS


class NoteAuthorOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.SerializerMethodField()

    def get_name(self, user) -> str:
        return user.get_full_name() or user.username


class NoteOut(serializers.ModelSerializer):
    author = NoteAuthorOut()

    class Meta:
        model = CaseNote
        fields = ["id", "text", "author", "created_at"]


class NoteIn(serializers.Serializer):
    # Required and the length limit are the service's checks (with their messages); the field only parses.
    text = serializers.CharField(allow_blank=True, trim_whitespace=False)


NOTES_DESCRIPTION = (
    "Internal notes on this {case}: for the staff who see it as staff (its unit's officers, the PPID Utama, the "
    "Atasan PPID, auditors, administrators). Notes are never shown to the {party}: not here (404, as for anyone "
    "else who may not see the {case}, signed in or not), not in the events, letters, exports or notifications. "
    "Append-only: a note is neither edited nor deleted. Oldest first."
)


def notes_view(*, case: str, party: str, cases):
    """The notes endpoint of one case type; `cases(user)` is the resource's own visibility selector."""
    description = NOTES_DESCRIPTION.format(case=case, party=party)

    class CaseNotesView(APIView):
        # Anonymous callers get the same 404 as everyone else who may not see the notes.
        permission_classes = [AllowAny]

        def _case(self, request, pk):
            obj = cases(request.user).filter(pk=pk).first()
            if obj is None or not may_see_notes(request.user, obj):
                raise Http404
            return obj

        @extend_schema(responses={200: NoteOut(many=True), 404: ERRORS[404]}, description=description)
        def get(self, request, pk):
            notes = notes_for(self._case(request, pk))
            return Response(NoteOut(notes, many=True).data)

        @extend_schema(
            request=NoteIn,
            responses={201: NoteOut, 400: ERRORS[400], 404: ERRORS[404]},
            description=description
            + ' Posting `{"text"}` adds one, written by the caller; answers 201 with it.',
        )
        def post(self, request, pk):
            obj = self._case(request, pk)
            data = NoteIn(data=request.data)
            data.is_valid(raise_exception=True)
            note = note_add(case=obj, author=request.user, text=data.validated_data["text"])
            return Response(NoteOut(note).data, status=status.HTTP_201_CREATED)

    CaseNotesView.__name__ = CaseNotesView.__qualname__ = f"{case.title()}NotesView"
    return CaseNotesView.as_view()


request_notes = notes_view(case="request", party="requester", cases=requests_visible_to)
objection_notes = notes_view(case="objection", party="objector", cases=objections_visible_to)
complaint_notes = notes_view(case="complaint", party="reporter", cases=complaints_visible_to)
