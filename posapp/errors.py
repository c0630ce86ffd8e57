"""Error pages in plain Indonesian; JSON answers for JSON requests."""
from flask import jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from .i18n import N_, _

MESSAGES = {
    400: N_("Permintaan tidak valid."),
    403: N_("Anda tidak punya hak untuk membuka halaman ini."),
    404: N_("Halaman tidak ditemukan."),
    405: N_("Cara akses tidak diizinkan."),
    413: N_("Berkas atau data terlalu besar."),
    429: N_("Terlalu banyak percobaan. Coba lagi nanti."),
    500: N_("Terjadi kesalahan pada aplikasi. Data yang sudah tersimpan aman."),
}


def wants_json():
    return request.is_json or "/api/" in request.path or \
        request.accept_mimetypes.best == "application/json"


def error_response(code, message=None):
    message = message or _(MESSAGES.get(code, N_("Terjadi kesalahan.")))
    if wants_json():
        return jsonify(error=message), code
    return render_template("errors/error.html", code=code, message=message), code


def init_errors(app):
    for code in MESSAGES:
        app.register_error_handler(code, lambda e, code=code: error_response(
            code, getattr(e, "description", None) if code in (400, 413) and _custom(e) else None))

    @app.errorhandler(CSRFError)
    def csrf_error(e):
        if wants_json():  # the screen asks to log in again (its token belonged to a session that ended)
            return jsonify(ok=False, error=_("Sesi Anda sudah berakhir atau berganti. Masuk lagi untuk melanjutkan; "
                                           "data di layar tetap tersimpan."), field=None, login_required=True), 401
        return error_response(400, _("Halaman ini sudah terlalu lama terbuka atau sesi Anda berganti. "
                                   "Muat ulang halaman lalu coba lagi."))


def _custom(e):
    """Werkzeug's default English descriptions are replaced; our own messages are kept."""
    from werkzeug.exceptions import default_exceptions
    default = default_exceptions.get(getattr(e, "code", 0))
    return default is not None and e.description != default.description
