import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type ResolvedConfig, SETTING_BOUNDS } from './app-config.js';
import { APP_CONFIG } from './config.tokens.js';
import { coreError } from '../errors/core-errors.js';

interface NumberSetting {
  /** The environment variable giving the value when no administrator has changed it. */
  readonly env: string;
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  readonly fromConfig: (config: ResolvedConfig) => number;
}

/**
 * The settings an administrator may change while Passerelle runs. Each starts from its environment
 * variable; a change is stored in `app_setting` and read by every process (API and worker) on its
 * next use, so no restart is needed. The same bounds apply as to the environment variable.
 */
export const EDITABLE_SETTINGS = {
  'coaching.portfolio_cap': {
    env: 'PORTFOLIO_CAP',
    ...SETTING_BOUNDS.PORTFOLIO_CAP,
    unit: 'people',
    fromConfig: (config) => config.coaching.portfolioCap,
  },
  'coaching.cer_default_months': {
    env: 'CER_DEFAULT_MONTHS',
    ...SETTING_BOUNDS.CER_DEFAULT_MONTHS,
    unit: 'months',
    fromConfig: (config) => config.coaching.cerDefaultMonths,
  },
  'coaching.retention_months': {
    env: 'RETENTION_MONTHS',
    ...SETTING_BOUNDS.RETENTION_MONTHS,
    unit: 'months',
    fromConfig: (config) => config.coaching.retentionMonths,
  },
  'mediation.card_link_days': {
    env: 'CARD_LINK_DAYS',
    ...SETTING_BOUNDS.CARD_LINK_DAYS,
    unit: 'days',
    fromConfig: (config) => config.mediation.cardLinkDays,
  },
  'mediation.reminder_hours': {
    env: 'EMPLOYER_REMINDER_HOURS',
    ...SETTING_BOUNDS.EMPLOYER_REMINDER_HOURS,
    unit: 'hours',
    fromConfig: (config) => config.mediation.reminderHours,
  },
  'mediation.shortlist_reminder_working_days': {
    env: 'SHORTLIST_REMINDER_WORKING_DAYS',
    ...SETTING_BOUNDS.SHORTLIST_REMINDER_WORKING_DAYS,
    unit: 'working_days',
    fromConfig: (config) => config.mediation.shortlistReminderWorkingDays,
  },
} as const satisfies Record<string, NumberSetting>;
export type SettingKey = keyof typeof EDITABLE_SETTINGS;

function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(EDITABLE_SETTINGS, key);
}

/**
 * Deployment decisions that stay in the environment (read-only in the application): holding the
 * retention job to a report, demo mode, reading occupations from the stored coded offers and the
 * second-factor rule are made by
 * whoever runs the service, with the change reviewed like the rest of its configuration.
 */
const FIXED_SETTINGS: ReadonlyArray<{ key: string; env: string; value: (config: ResolvedConfig) => string }> = [
  {
    key: 'coaching.retention_apply',
    env: 'RETENTION_APPLY',
    value: (config) => String(config.coaching.retentionApply),
  },
  { key: 'demo.enabled', env: 'DEMO_MODE', value: (config) => String(config.demo.enabled) },
  {
    key: 'offers.occupation_learning',
    env: 'OCCUPATION_LEARNING',
    value: (config) => String(config.occupationLearning),
  },
  {
    key: 'auth.totp_required_roles',
    env: 'AUTH_TOTP_REQUIRED_ROLES',
    value: (config) => config.auth.totpRequiredRoles.join(','),
  },
];

export interface SettingView {
  readonly key: string;
  readonly env: string;
  /** The value in force. */
  readonly value: number | string;
  /** The environment's value (or its default), which a reset returns to. */
  readonly environmentValue: number | string;
  readonly editable: boolean;
  readonly min: number | null;
  readonly max: number | null;
  readonly unit: string | null;
  /** Set when an administrator changed it: when and who. */
  readonly changedAt: Date | null;
  readonly changedBy: string | null;
}

interface SettingRow {
  key: string;
  value: unknown;
  updated_at: Date;
  updated_by: string | null;
}

/** The value in force of each setting: an administrator's change, else the environment's. */
@Injectable()
export class RuntimeSettings {
  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The value in force; inside a transaction, pass its manager (no second connection is taken). */
  async number(key: SettingKey, manager: EntityManager = this.dataSource.manager): Promise<number> {
    return this.read(key, manager, '');
  }

  async list(): Promise<SettingView[]> {
    const keys = Object.keys(EDITABLE_SETTINGS);
    const rows: SettingRow[] = await this.dataSource.query(
      'SELECT key, value, updated_at, updated_by FROM app_setting WHERE key = ANY($1)',
      [keys],
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    const editable = (Object.entries(EDITABLE_SETTINGS) as Array<[SettingKey, NumberSetting]>).map(([key, def]) => {
      const row = byKey.get(key);
      const environmentValue = def.fromConfig(this.config);
      return {
        key,
        env: def.env,
        value: typeof row?.value === 'number' ? row.value : environmentValue,
        environmentValue,
        editable: true,
        min: def.min,
        max: def.max,
        unit: def.unit,
        changedAt: row?.updated_at ?? null,
        changedBy: row?.updated_by ?? null,
      };
    });
    const fixed = FIXED_SETTINGS.map(({ key, env, value }) => ({
      key,
      env,
      value: value(this.config),
      environmentValue: value(this.config),
      editable: false,
      min: null,
      max: null,
      unit: null,
      changedAt: null,
      changedBy: null,
    }));
    return [...editable, ...fixed];
  }

  /**
   * Stores an administrator's value (checked against the variable's bounds) and returns the old one.
   * Run it in the transaction that records the change, so both stand or fall together; the row is
   * locked while it changes, so two administrators cannot both report the same old value.
   */
  async set(
    key: string,
    value: unknown,
    userId: string,
    manager: EntityManager,
  ): Promise<{ previous: number; value: number }> {
    const def = this.definition(key);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < def.min || value > def.max) {
      throw coreError('setting.out_of_range', `${key} takes a whole number from ${def.min} to ${def.max}`, [
        { field: 'value', reason: `a whole number from ${def.min} to ${def.max} (${def.unit})` },
      ]);
    }
    const previous = await this.read(key as SettingKey, manager, 'FOR UPDATE');
    await manager.query(
      `INSERT INTO app_setting (key, value, updated_at, updated_by) VALUES ($1, to_jsonb($2::int), now(), $3)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [key, value, userId],
    );
    return { previous, value };
  }

  /** Forgets an administrator's value: the environment's applies again (same transaction rule as `set`). */
  async reset(key: string, manager: EntityManager): Promise<{ previous: number; value: number }> {
    const def = this.definition(key);
    const previous = await this.read(key as SettingKey, manager, 'FOR UPDATE');
    await manager.query('DELETE FROM app_setting WHERE key = $1', [key]);
    return { previous, value: def.fromConfig(this.config) };
  }

  /** The value in force: the stored one, else the environment's; `FOR UPDATE` locks its row until the transaction ends. */
  private async read(key: SettingKey, manager: EntityManager, lock: '' | 'FOR UPDATE'): Promise<number> {
    const rows: SettingRow[] = await manager.query(`SELECT value FROM app_setting WHERE key = $1 ${lock}`, [key]);
    const stored = rows[0]?.value;
    return typeof stored === 'number' ? stored : EDITABLE_SETTINGS[key].fromConfig(this.config);
  }

  private definition(key: string): NumberSetting {
    if (isSettingKey(key)) return EDITABLE_SETTINGS[key];
    if (FIXED_SETTINGS.some((fixed) => fixed.key === key))
      throw coreError('setting.read_only', `${key} is set in the environment only`, [
        { field: 'key', reason: 'set by the environment variable of the deployment, not in the application' },
      ]);
    throw coreError('setting.not_found', `no setting named ${key}`);
  }
}
