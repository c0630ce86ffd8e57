"""The house's features in explicit lists: their tables, blueprints, CLI commands and plug-ins.

This is the composition root (above every floor, see docs/architecture.md): the only module that
imports every feature. create_app reads these lists; nothing is found by name at run time.
"""
from . import commands, demo
from .audit import blueprint as audit_blueprint, models as audit_models, views as audit_views
from .auth import blueprint as auth_blueprint, models as auth_models, views as auth_views
from .catalog import api_views, import_views, product_views, stock_views, valuation_views
from .catalog import blueprint as catalog_blueprint, curated_feed, models as catalog_models
from .catalog.cli import catalog_group
from .ledger import blueprint as ledger_blueprint, models as ledger_models, views as ledger_views
from .ledger.cli import ledger_group
from .purchasing import blueprint as purchasing_blueprint, debt_views, drawer as purchasing_drawer
from .purchasing import consignment_models, consignment_views
from .purchasing import models as purchasing_models, paper_views, payment_models, purchase_views, supplier_views
from .receipts import blueprint as receipts_blueprint, views as receipts_views
from .reports import blueprint as reports_blueprint, statement_views, views as reports_views
from .sales import blueprint as sales_blueprint, drawer as sales_drawer, models as sales_models
from .sales import refund_views, views as sales_views
from .samsat import blueprint as samsat_blueprint, hub_effects, models as samsat_models, payments as samsat_payments
from .samsat import views as samsat_views
from .samsat.cli import samsat_group
from .shop import blueprint as shop_blueprint, models as shop_models, views as shop_views
from .sync import blueprint as sync_blueprint, views as sync_views
from .sync.cli import sync_group
from .till import blueprint as till_blueprint, drawer as till_drawer, models as till_models, views as till_views
from .till import cash_drawer, cash_models, cash_views
from .wire import effects, models as wire_models, state as wire_state

# Every table, so create_all and the migrations see them all.
MODELS = (auth_models, audit_models, shop_models, wire_models, wire_state, ledger_models, catalog_models,
          till_models, cash_models, sales_models, samsat_models, purchasing_models, payment_models,
          consignment_models)

# Each blueprint with the modules whose routes join it (imported here, so the routes exist when registered).
BLUEPRINTS = (
    (shop_blueprint.bp, (shop_views,)),
    (auth_blueprint.bp, (auth_views,)),
    (audit_blueprint.bp, (audit_views,)),
    (catalog_blueprint.bp, (api_views, product_views, stock_views, import_views, valuation_views)),
    (till_blueprint.bp, (till_views, cash_views)),
    (sales_blueprint.bp, (sales_views, refund_views)),
    (samsat_blueprint.bp, (samsat_views,)),
    (purchasing_blueprint.bp, (supplier_views, purchase_views, debt_views, paper_views,
                                  consignment_views)),
    (receipts_blueprint.bp, (receipts_views,)),
    (ledger_blueprint.bp, (ledger_views,)),
    (reports_blueprint.bp, (reports_views, statement_views)),
    (sync_blueprint.bp, (sync_views,)),
)

COMMANDS = (commands.backup_command, commands.restore_command, demo.seed_demo_command, samsat_group, sync_group,
            catalog_group, ledger_group)


def register_plugins(app) -> None:
    """The tables features plug into: the till's drawer parts and the wire's effects of hub answers."""
    till_drawer.register(app, "sales", sales_drawer.shift_part)
    till_drawer.register(app, "samsat", samsat_payments.shift_part)
    till_drawer.register(app, "purchasing", purchasing_drawer.shift_part)
    till_drawer.register(app, "cashbook", cash_drawer.shift_part)
    effects.register(app, acked={"samsat_payment": hub_effects.payments_held},
                     rejected={"samsat_payment": hub_effects.payment_refused},
                     feeds={"samsat": hub_effects.verdicts, "catalogue": curated_feed.apply_catalogue})
