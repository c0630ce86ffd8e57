"""The house's features in explicit lists: their tables, blueprints, CLI commands and plug-ins.

This is the composition root (above every floor, see docs/architecture.md): the only module that
imports every feature. create_app reads these lists; nothing is found by name at run time.
"""
from . import commands, demo
from .audit import blueprint as audit_blueprint, models as audit_models, views as audit_views
from .auth import blueprint as auth_blueprint, models as auth_models, views as auth_views
from .catalog import api_views, import_views, product_views, stock_views, valuation_views
from .catalog import blueprint as catalog_blueprint, curated_feed, models as catalog_models, search as catalog_search
from .catalog.cli import catalog_group
from .ledger import blueprint as ledger_blueprint, models as ledger_models, views as ledger_views
from .ledger.cli import ledger_group
from .members import api_views as member_api_views, blueprint as members_blueprint, drawer as members_drawer
from .members import import_views as member_import_views, models as members_models
from .members import money_views as member_money_views, views as members_views
from .purchasing import blueprint as purchasing_blueprint, debt_views, drawer as purchasing_drawer
from .purchasing import consignment_models, consignment_views
from .purchasing import models as purchasing_models, paper_views, payment_models, purchase_views, supplier_views
from .receipts import blueprint as receipts_blueprint, views as receipts_views
from .reports import blueprint as reports_blueprint, dashboard as reports_dashboard, statement_views
from .reports import views as reports_views
from .sales import blueprint as sales_blueprint, drawer as sales_drawer, models as sales_models
from .sales import display_views, refund_views, session_views, views as sales_views
from .samsat import blueprint as samsat_blueprint, hub_effects, models as samsat_models, payments as samsat_payments
from .samsat import settlement_models as samsat_settlement_models, settlement_views as samsat_settlement_views
from .samsat import setoran_views as samsat_setoran_views, views as samsat_views
from .samsat.cli import samsat_group
from .shu import blueprint as shu_blueprint, models as shu_models, views as shu_views
from .shu.cli import anggota_group
from .shop import blueprint as shop_blueprint, models as shop_models, views as shop_views
from .sync import blueprint as sync_blueprint, views as sync_views
from .sync.cli import sync_group
from .till import blueprint as till_blueprint, drawer as till_drawer, models as till_models, views as till_views
from .till import cash_drawer, cash_models, cash_views
from .wallet import blueprint as wallet_blueprint, drawer as wallet_drawer, models as wallet_models
from .wallet import views as wallet_views
from .wallet.cli import dompet_group
from .wire import effects, models as wire_models, state as wire_state

# Every table, so create_all and the migrations see them all.
MODELS = (auth_models, audit_models, shop_models, wire_models, wire_state, ledger_models, catalog_models,
          catalog_search, till_models, cash_models, members_models, wallet_models, sales_models, samsat_models,
          samsat_settlement_models, shu_models, purchasing_models, payment_models,
          consignment_models)  # catalog_search: the name index DDL

# Each blueprint with the modules whose routes join it (imported here, so the routes exist when registered).
BLUEPRINTS = (
    (shop_blueprint.bp, (shop_views,)),
    (auth_blueprint.bp, (auth_views,)),
    (audit_blueprint.bp, (audit_views,)),
    (catalog_blueprint.bp, (api_views, product_views, stock_views, import_views, valuation_views)),
    (till_blueprint.bp, (till_views, cash_views)),
    (members_blueprint.bp, (members_views, member_money_views, member_import_views, member_api_views)),
    (sales_blueprint.bp, (sales_views, refund_views, session_views, display_views)),
    (samsat_blueprint.bp, (samsat_views, samsat_settlement_views, samsat_setoran_views)),
    (purchasing_blueprint.bp, (supplier_views, purchase_views, debt_views, paper_views,
                                  consignment_views)),
    (receipts_blueprint.bp, (receipts_views,)),
    (ledger_blueprint.bp, (ledger_views,)),
    (reports_blueprint.bp, (reports_views, reports_dashboard, statement_views)),
    (shu_blueprint.bp, (shu_views,)),
    (wallet_blueprint.bp, (wallet_views,)),
    (sync_blueprint.bp, (sync_views,)),
)

COMMANDS = (commands.backup_command, commands.restore_command, demo.seed_demo_command, samsat_group, sync_group,
            anggota_group, dompet_group, catalog_group, ledger_group)


def register_plugins(app) -> None:
    """The tables features plug into: the till's drawer parts and the wire's effects of hub answers."""
    till_drawer.register(app, "sales", sales_drawer.shift_part)
    till_drawer.register(app, "samsat", samsat_payments.shift_part)
    till_drawer.register(app, "members", members_drawer.shift_part)
    till_drawer.register(app, "wallet", wallet_drawer.shift_part)
    till_drawer.register(app, "purchasing", purchasing_drawer.shift_part)
    till_drawer.register(app, "cashbook", cash_drawer.shift_part)
    effects.register(app, acked={"samsat_payment": hub_effects.payments_held},
                     rejected={"samsat_payment": hub_effects.payment_refused},
                     feeds={"samsat": hub_effects.verdicts, "catalogue": curated_feed.apply_catalogue})
